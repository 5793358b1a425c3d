package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code shift_right_logical} primitive, applied elementwise. */
public record ShiftRightLogical() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "shift_right_logical"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SHIFT_RIGHT_LOGICAL; }

    @Override
    public boolean accepts(DType t) { return t.isInteger(); }
}
