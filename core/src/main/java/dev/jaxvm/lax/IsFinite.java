package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code is_finite} primitive, applied elementwise. */
public record IsFinite() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "is_finite"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.IS_FINITE; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
