package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code sign} primitive, applied elementwise. */
public record Sign() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "sign"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SIGN; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
