package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code tanh} primitive, applied elementwise. */
public record Tanh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "tanh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.TANH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
