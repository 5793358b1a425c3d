package dev.jaxvm;

/**
 * A function of two arrays.
 *
 * {@snippet :
 * Fn2 f = (x, y) -> Jnp.sin(x).add(Jnp.cos(y).mul(2));
 * Fn2 dfdx = Jax.grad(f, 0);
 * }
 */
@FunctionalInterface
public interface Fn2 {
    /** Applies the function. */
    Array apply(Array x, Array y);
}
