package dev.jaxvm;

/**
 * A function returning a value and its gradients: what {@code Jax.valueAndGrad} makes.
 *
 * {@snippet :
 * GradFn vg = Jax.valueAndGradN((FnN) xs -> Jnp.multiply(xs[0], xs[0]), 0);
 * }
 */
@FunctionalInterface
public interface GradFn {
    /** Applies the function to arrays (or Java scalars, converted as {@code Jnp.asarray} does). */
    GradResult apply(Object... xs);
}
