package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code cbrt} primitive, applied elementwise. */
public record Cbrt() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "cbrt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.CBRT; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.mul(Tangents.constant(x0, 1.0 / 3), Rules.integerPow(ans, -2)));
    }
}
