package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code exp} primitive, applied elementwise. */
public record Exp() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "exp"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EXP; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, ans);
    }
}
