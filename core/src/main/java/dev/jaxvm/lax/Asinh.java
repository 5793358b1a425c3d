package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code asinh} primitive, applied elementwise. */
public record Asinh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "asinh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ASINH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
