package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code and} primitive, applied elementwise. */
public record And() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "and"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.AND; }

    @Override
    public boolean accepts(DType t) { return t.isInteger() || t == DType.BOOL; }
}
