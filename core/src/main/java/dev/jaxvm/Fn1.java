package dev.jaxvm;

/**
 * A function of one array, the shape of function that transformations take and return.
 *
 * {@snippet :
 * Fn1 f = x -> Jnp.sin(x);
 * Fn1 df = Jax.grad(f);
 * }
 */
@FunctionalInterface
public interface Fn1 {
    /** Applies the function. */
    Array apply(Array x);
}
