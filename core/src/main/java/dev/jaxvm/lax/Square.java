package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code square} primitive, applied elementwise. */
public record Square() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "square"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SQUARE; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
