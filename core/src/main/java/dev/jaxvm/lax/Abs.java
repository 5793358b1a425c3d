package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code abs} primitive, applied elementwise. */
public record Abs() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "abs"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ABS; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
