package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code expm1} primitive, applied elementwise. */
public record Expm1() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "expm1"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EXPM1; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
