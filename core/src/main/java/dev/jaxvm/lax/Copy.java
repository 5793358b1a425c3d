package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code copy} primitive, applied elementwise. */
public record Copy() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "copy"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COPY; }
}
