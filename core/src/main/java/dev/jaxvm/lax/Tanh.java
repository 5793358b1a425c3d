package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code tanh} primitive, applied elementwise. */
public record Tanh() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "tanh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.TANH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(Lax.add(g, Lax.mul(g, ans)), Lax.sub(Tangents.scalarLike(x0, 1), ans));
    }
}
