package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code tan} primitive, applied elementwise. */
public record Tan() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "tan"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.TAN; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
