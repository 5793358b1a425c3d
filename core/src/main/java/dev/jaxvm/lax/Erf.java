package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code erf} primitive, applied elementwise (float32 as XLA:CPU computes it, bit for bit). */
public record Erf() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "erf"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ERF; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
