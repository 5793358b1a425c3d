package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code exp2} primitive, applied elementwise. */
public record Exp2() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "exp2"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EXP2; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
