package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;

/**
 * The one place where the demo calls JAX's transformations ({@code jit}, {@code make_jaxpr},
 * {@code grad}). While {@code Jax.jit}, {@code Jax.makeJaxpr} and {@code Jax.grad} are not on the
 * branch yet, this bridge runs functions eagerly, traces with the staging interpreter, and says
 * so ({@link #JIT}, {@link #GRAD} are false); switching to the real transformations is a change
 * of this class only.
 */
final class JaxBridge {
    private JaxBridge() {}

    /** Whether {@link #jit} compiles (false: it runs the function eagerly, op by op). */
    static final boolean JIT = false;

    /** Whether {@link #grad} is JAX's reverse-mode autodiff (false: it is not available). */
    static final boolean GRAD = false;

    /** A function of two arrays (the demo's {@code executeKernel} and filters). */
    @FunctionalInterface
    interface Fn2 {
        Array apply(Array x, Array y);
    }

    /** {@code Jax.jit(f).named(name)}. */
    static Fn2 jit(Fn2 f, String name) {
        return f;
    }

    /** {@code Jax.makeJaxpr(f).apply(x, y)} as text. */
    static String makeJaxpr(Fn2 f, Array x, Array y) {
        List<ArrayType> types = List.of(x.type(), y.type());
        return StagingInterpreter.trace(a -> List.of(f.apply(a.get(0), a.get(1))), types).toString();
    }

    /** {@code Jax.grad(f, argnum)}, or null where autodiff is not available. */
    static Fn2 grad(Fn2 f, int argnum) {
        return null;
    }
}
