package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code abs} primitive, applied elementwise. */
public record Abs() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "abs"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ABS; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.select(Lax.ge(x0, Tangents.scalarLike(x0, 0)), g, Lax.neg(g));
    }
}
