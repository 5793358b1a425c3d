package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code acosh} primitive, applied elementwise. */
public record Acosh() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "acosh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ACOSH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
