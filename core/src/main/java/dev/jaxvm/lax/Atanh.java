package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code atanh} primitive, applied elementwise. */
public record Atanh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "atanh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ATANH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
