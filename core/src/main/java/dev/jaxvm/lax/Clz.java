package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code clz} primitive, applied elementwise. */
public record Clz() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "clz"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.CLZ; }

    @Override
    public boolean accepts(DType t) { return t.isInteger(); }
}
