package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code ne} primitive, applied elementwise. */
public record Ne() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "ne"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.NE; }
}
