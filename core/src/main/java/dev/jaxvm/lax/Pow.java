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
        if (i == 0) return Lax.mul(g, Lax.mul(x1, Lax.pow(x0, Lax.sub(x1, Tangents.fullLike(x1, 1)))));
        return Lax.mul(g, Lax.mul(Lax.log(Rules.replaceZero(x0)), ans));
    }
}
