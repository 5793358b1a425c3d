package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code ge} primitive, applied elementwise. */
public record Ge() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "ge"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.GE; }
}
