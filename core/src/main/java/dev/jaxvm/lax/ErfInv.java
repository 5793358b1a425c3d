package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code erf_inv} primitive, applied elementwise (float32 as XLA:CPU computes it, bit for bit). */
public record ErfInv() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "erf_inv"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ERF_INV; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
