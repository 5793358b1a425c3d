package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code max} primitive, applied elementwise. */
public record Max() implements BinaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "max"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.MAX; }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array x1 = x.get(1);
        return i == 0 ? Lax.mul(g, Rules.balancedEq(x0, ans, x1)) : Lax.mul(g, Rules.balancedEq(x1, ans, x0));
    }
}
