package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code erf_inv} primitive, applied elementwise to floats. */
public record ErfInv() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "erf_inv"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ERF_INV; }

    @Override
    public boolean accepts(dev.jaxvm.DType t) { return t.isFloating(); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        DTypeRule.FLOATING.check(name(), in);
        return Elementwise.super.abstractEval(in);
    }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(Tangents.constant(x0, Math.sqrt(Math.PI) / 2), Lax.mul(g, Lax.exp(Lax.square(ans))));
    }
}
