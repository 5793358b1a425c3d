package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code min} primitive, applied elementwise. */
public record Min() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "min"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.MIN; }
}
