package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code sin} primitive, applied elementwise. */
public record Sin() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "sin"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SIN; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
