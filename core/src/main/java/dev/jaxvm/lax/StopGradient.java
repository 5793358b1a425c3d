package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code stop_gradient}: the identity, with a zero derivative. Its JVP applies {@code stop_gradient}
 * again to the primal, so that every enclosing differentiation sees a zero derivative too.
 */
public record StopGradient() implements AutodiffPrimitive, Elementwise, Differentiable {
    @Override
    public String name() { return "stop_gradient"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COPY; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        return Jvp.of(Trace.bind1(this, primals.getFirst()), null);
    }
}
