package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code rem} primitive, applied elementwise. */
public record Rem() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "rem"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.REM; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }
}
