package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code digamma} primitive, applied elementwise to floats; its derivative is {@code polygamma(1, x)}. */
public record Digamma() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "digamma"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.DIGAMMA; }

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
        return Lax.mul(g, LaxSpecial.polygamma(DenseArray.scalar(x0.dtype(), x0.weakType(), 1), x0));
    }
}
