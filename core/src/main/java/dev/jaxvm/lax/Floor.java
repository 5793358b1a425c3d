package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code floor} primitive, applied elementwise. */
public record Floor() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "floor"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.FLOOR; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
