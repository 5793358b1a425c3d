package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code logistic} primitive, applied elementwise. */
public record Logistic() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "logistic"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LOGISTIC; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
