package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code le} primitive, applied elementwise. */
public record Le() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "le"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LE; }
}
