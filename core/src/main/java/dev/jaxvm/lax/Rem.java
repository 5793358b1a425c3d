package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code rem} primitive, applied elementwise. */
public record Rem() implements BinaryPrimitive, Elementwise, Partials {
    @Override
    public String name() { return "rem"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.REM; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array x1 = x.get(1);
        if (i == 0) return Tangents.maybeBroadcast(ans.type().shape(), g);
        Array q = Lax.div(x0, x1);
        return Lax.mul(Lax.neg(g), Lax.mul(Lax.sign(q), Lax.floor(Lax.abs(q))));
    }
}
