package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code cosh} primitive, applied elementwise. */
public record Cosh() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "cosh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COSH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.sinh(x0));
    }
}
