package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code sinh} primitive, applied elementwise. */
public record Sinh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "sinh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SINH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
