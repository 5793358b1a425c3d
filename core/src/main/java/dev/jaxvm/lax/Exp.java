package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code exp} primitive, applied elementwise. */
public record Exp() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "exp"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EXP; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
