package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code log1p} primitive, applied elementwise. */
public record Log1p() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "log1p"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LOG1P; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
