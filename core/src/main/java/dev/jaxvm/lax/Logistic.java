package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code logistic} primitive, applied elementwise. */
public record Logistic() implements UnaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "logistic"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.LOGISTIC; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        return Lax.mul(g, Lax.mul(ans, Lax.sub(Tangents.scalarLike(ans, 1), ans)));
    }
}
