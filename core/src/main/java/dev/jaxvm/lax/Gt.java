package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code gt} primitive, applied elementwise. */
public record Gt() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "gt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.GT; }
}
