package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code shift_right_arithmetic} primitive, applied elementwise. */
public record ShiftRightArithmetic() implements BinaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "shift_right_arithmetic"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SHIFT_RIGHT_ARITHMETIC; }

    @Override
    public boolean accepts(DType t) { return t.isInteger(); }
}
