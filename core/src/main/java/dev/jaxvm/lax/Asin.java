package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code asin} primitive, applied elementwise. */
public record Asin() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "asin"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ASIN; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
