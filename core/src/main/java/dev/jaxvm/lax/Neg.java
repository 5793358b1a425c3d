package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code neg} primitive, applied elementwise. */
public record Neg() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "neg"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.NEG; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
