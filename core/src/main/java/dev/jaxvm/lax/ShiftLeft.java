package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code shift_left} primitive, applied elementwise. */
public record ShiftLeft() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "shift_left"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SHIFT_LEFT; }

    @Override
    public boolean accepts(DType t) { return t.isInteger(); }
}
