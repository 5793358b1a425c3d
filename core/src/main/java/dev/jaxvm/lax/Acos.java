package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code acos} primitive, applied elementwise. */
public record Acos() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "acos"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ACOS; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
