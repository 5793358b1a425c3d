package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code rsqrt} primitive, applied elementwise. */
public record Rsqrt() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "rsqrt"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.RSQRT; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.mul(Tangents.constant(x0, -0.5), Lax.div(ans, x0)));
    }
}
