package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code pow} primitive, applied elementwise. */
public record Pow() implements BinaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "pow"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.POW; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array x1 = x.get(1);
        if (i == 1) return Lax.mul(g, Lax.mul(Lax.log(Rules.replaceZero(x0)), ans));
        Array y = x1.dtype() == x0.dtype() ? x1 : Lax.convertElementType(x1, x0.dtype(), x1.weakType());
        if (!x1.dtype().isInteger()) return Lax.mul(g, Lax.mul(y, Lax.pow(x0, Lax.sub(y, Tangents.fullLike(y, 1)))));
        Array xb = x0;
        if (!x0.type().shape().equals(y.type().shape())) {   // as JAX's _pow_jvp_lhs: broadcast both to the output shape
            xb = Tangents.maybeBroadcast(ans.type().shape(), x0);
            y = Tangents.maybeBroadcast(ans.type().shape(), y);
        }
        Array jac = Lax.select(Lax.eq(y, Tangents.constant(y, 0)), Tangents.fullLike(y, 0),
                Lax.mul(Rules.replaceZero(y), Lax.pow(xb, Lax.sub(y, Tangents.fullLike(y, 1)))));
        return Lax.mul(g, jac);
    }

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
