package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code rsqrt} primitive, applied elementwise. */
public record Rsqrt() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "rsqrt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.RSQRT; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
