package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code ceil} primitive, applied elementwise. */
public record Ceil() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "ceil"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.CEIL; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
