package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code or} primitive, applied elementwise. */
public record Or() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "or"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.OR; }

    @Override
    public boolean accepts(DType t) { return t.isInteger() || t == DType.BOOL; }
}
