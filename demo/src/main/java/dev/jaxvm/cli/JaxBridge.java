package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;

/**
 * The one place where the demo calls JAX's transformations: {@code Jax.jit}, {@code Jax.makeJaxpr}
 * and {@code Jax.grad}. Where a transformation is not in this build yet (see {@link #GRAD}), the
 * bridge says so and the demo labels what it did instead; switching over is a change of this class
 * only.
 */
final class JaxBridge {
    private JaxBridge() {}

    /** Whether {@link #grad} is JAX's autodiff ({@code Jax.grad}). */
    static final boolean GRAD = true;

    /**
     * Whether the whole-image {@code Jnp}-slices filter runs jitted: true since the compiler fuses its
     * ~200 full-image operations into one loop (a Jaxpr interpreter would keep all of them alive at
     * once, about 10 GB for the 7x7 blur).
     */
    static final boolean JIT_SLICES = true;

    /** {@code Jax.jit(f).named(name)}. */
    static Fn2 jit(Fn2 f, String name) {
        return Jax.jit(f).named(name);
    }

    /** {@code Jax.makeJaxpr(f).apply(x, y)} as text. */
    static String makeJaxpr(Fn2 f, Array x, Array y) {
        return Jax.makeJaxpr(f).apply(x, y).toString();
    }

    /** {@code Jax.grad(f, argnum)}. */
    static Fn2 grad(Fn2 f, int argnum) {
        return Jax.grad(f, argnum);
    }
}
