package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code tan} primitive, applied elementwise. */
public record Tan() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "tan"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.TAN; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.add(Tangents.constant(x0, 1), Lax.square(ans)));
    }
}
