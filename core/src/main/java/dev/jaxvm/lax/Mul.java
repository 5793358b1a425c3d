package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code mul} primitive, applied elementwise. */
public record Mul() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "mul"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.MUL; }
}
