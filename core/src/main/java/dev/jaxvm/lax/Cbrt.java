package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code cbrt} primitive, applied elementwise. */
public record Cbrt() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "cbrt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.CBRT; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
