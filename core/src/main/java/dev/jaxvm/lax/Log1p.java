package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code log1p} primitive, applied elementwise. */
public record Log1p() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "log1p"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LOG1P; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.div(g, Lax.add(x0, Tangents.scalarLike(x0, 1)));
    }
}
