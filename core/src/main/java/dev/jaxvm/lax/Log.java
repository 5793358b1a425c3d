package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code log} primitive, applied elementwise. */
public record Log() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "log"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LOG; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
