package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code eq} primitive, applied elementwise. */
public record Eq() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "eq"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EQ; }
}
