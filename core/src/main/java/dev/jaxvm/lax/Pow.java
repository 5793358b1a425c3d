package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code pow} primitive, applied elementwise. */
public record Pow() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "pow"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.POW; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
