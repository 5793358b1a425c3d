package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code not} primitive, applied elementwise. */
public record Not() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "not"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.NOT; }

    @Override
    public boolean accepts(DType t) { return t.isInteger() || t == DType.BOOL; }
}
