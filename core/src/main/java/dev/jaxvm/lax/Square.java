package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code square} primitive, applied elementwise. */
public record Square() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "square"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SQUARE; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.mul(Tangents.constant(x0, 2), x0));
    }
}
