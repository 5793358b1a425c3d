package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code sub} primitive, applied elementwise. */
public record Sub() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "sub"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SUB; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
