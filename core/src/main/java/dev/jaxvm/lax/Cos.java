package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code cos} primitive, applied elementwise. */
public record Cos() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "cos"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COS; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
