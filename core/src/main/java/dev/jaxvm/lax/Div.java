package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code div} primitive, applied elementwise. */
public record Div() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "div"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.DIV; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
