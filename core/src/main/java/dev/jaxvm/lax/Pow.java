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

    /** The base is a float; the exponent has the base's dtype or is an integer array (as in JAX). */
    @Override
    public java.util.List<dev.jaxvm.core.ArrayType> abstractEval(java.util.List<dev.jaxvm.core.ArrayType> in) {
        if (in.size() == 2 && in.get(1).dtype().isInteger() && in.get(0).dtype().isFloating()) {
            dev.jaxvm.core.ArrayType y = in.get(1).withDType(in.get(0).dtype());
            return Elementwise.super.abstractEval(java.util.List.of(in.get(0), y));
        }
        return Elementwise.super.abstractEval(in);
    }
}
