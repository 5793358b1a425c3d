package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * An elementwise primitive whose JVP is the sum over operands of {@code tangent * partial}: JAX's
 * {@code defjvp} / {@code defjvp2}. Each primitive gives one term per differentiable operand; the
 * terms of non-zero tangents are summed with {@code add_any} and broadcast to the output shape.
 *
 * {@snippet :
 * public Array jvpTerm(int i, Array g, List<Array> x, Array ans) { return Lax.mul(g, Lax.cos(x.get(0))); }
 * }
 */
public interface Partials extends Differentiable {

    /**
     * The tangent contribution of operand {@code i} with tangent {@code g}, given all operands
     * {@code x} and the primal output {@code ans}.
     */
    Array jvpTerm(int i, Array g, List<Array> x, Array ans);

    @Override
    default Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array ans = Trace.bind1(this, primals.toArray(Array[]::new));
        Array t = null;
        for (int i = 0; i < primals.size(); i++) {
            if (tangents.get(i) != null) t = Tangents.add(t, jvpTerm(i, tangents.get(i), primals, ans));
        }
        return Jvp.of(ans, t == null ? null : Tangents.maybeBroadcast(ans.type().shape(), t));
    }
}
