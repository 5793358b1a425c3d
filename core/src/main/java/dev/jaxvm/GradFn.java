package dev.jaxvm;

/**
 * A function returning a value and its gradients: what {@code Jax.valueAndGrad} makes.
 *
 * {@snippet :
 * GradFn vg = Jax.valueAndGrad((FnN) xs -> xs[0].mul(xs[0]), 0);
 * }
 */
@FunctionalInterface
public interface GradFn {
    /** Applies the function. */
    GradResult apply(Array... xs);
}
