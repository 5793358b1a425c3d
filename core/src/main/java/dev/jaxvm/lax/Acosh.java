package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code acosh} primitive, applied elementwise. */
public record Acosh() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "acosh"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ACOSH; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.rsqrt(Lax.sub(Lax.square(x0), Tangents.scalarLike(x0, 1))));
    }
}
