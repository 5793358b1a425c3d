package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code max} primitive, applied elementwise. */
public record Max() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "max"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.MAX; }
}
