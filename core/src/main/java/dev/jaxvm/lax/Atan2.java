package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code atan2} primitive, applied elementwise. */
public record Atan2() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "atan2"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ATAN2; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
