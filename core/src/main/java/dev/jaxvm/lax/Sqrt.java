package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code sqrt} primitive, applied elementwise. */
public record Sqrt() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "sqrt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SQRT; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
