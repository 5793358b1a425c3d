package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code atan2} primitive, applied elementwise. */
public record Atan2() implements BinaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "atan2"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ATAN2; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array x1 = x.get(1);
        Array den = Lax.add(Lax.square(x0), Lax.square(x1));
        return i == 0 ? Lax.mul(g, Lax.div(x1, den)) : Lax.mul(g, Lax.div(Lax.neg(x0), den));
    }
}
