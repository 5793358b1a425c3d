package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code acos} primitive, applied elementwise. */
public record Acos() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "acos"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ACOS; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.neg(Lax.rsqrt(Lax.sub(Tangents.constant(x0, 1), Lax.square(x0)))));
    }
}
