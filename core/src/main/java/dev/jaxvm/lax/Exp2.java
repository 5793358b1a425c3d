package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code exp2} primitive, applied elementwise. */
public record Exp2() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "exp2"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.EXP2; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(Lax.log(Tangents.constant(x0, 2)), Lax.mul(g, ans));
    }
}
