package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code xor} primitive, applied elementwise. */
public record Xor() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "xor"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.XOR; }

    @Override
    public boolean accepts(DType t) { return t.isInteger() || t == DType.BOOL; }
}
