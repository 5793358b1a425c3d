package dev.jaxvm;

/**
 * A function of three arrays, for {@link Jax#jit(Fn3)} and {@link Jax#makeJaxpr(Fn3)}.
 *
 * {@snippet :
 * Fn3 f = (x, y, z) -> x.mul(y).add(z);
 * }
 */
@FunctionalInterface
public interface Fn3 {
    /** Applies the function. */
    Array apply(Array x, Array y, Array z);
}
