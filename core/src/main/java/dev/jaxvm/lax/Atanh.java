package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code atanh} primitive, applied elementwise. */
public record Atanh() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "atanh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ATANH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(Rules.reciprocal(Lax.add(Tangents.scalarLike(x0, 1), x0)), Lax.div(g, Lax.sub(Tangents.scalarLike(x0, 1), x0)));
    }
}
