package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code atan} primitive, applied elementwise. */
public record Atan() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "atan"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ATAN; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
