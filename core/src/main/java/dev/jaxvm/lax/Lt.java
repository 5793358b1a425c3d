package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code lt} primitive, applied elementwise. */
public record Lt() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "lt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LT; }
}
