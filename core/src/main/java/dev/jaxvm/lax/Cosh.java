package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code cosh} primitive, applied elementwise. */
public record Cosh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "cosh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COSH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
