package dev.jaxvm;

/**
 * A function of two arrays, for {@link Jax#jit(Fn2)} and {@link Jax#makeJaxpr(Fn2)}:
 * {@code (x, y) -> x.mul(y).sum()}.
 *
 * {@snippet :
 * Fn2 f = (p, k) -> p.mul(k).sum();
 * }
 */
@FunctionalInterface
public interface Fn2 {
    /** Applies the function. */
    Array apply(Array x, Array y);
}
