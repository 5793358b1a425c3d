package dev.jaxvm;

/**
 * A function returning its value and gradient with respect to pytree arguments, as
 * {@code jax.value_and_grad(f, argnums, has_aux)} returns (see {@link Jax#valueAndGradTree}).
 *
 * {@snippet :
 * TreeGradFn vg = Jax.valueAndGradTree(args -> Jnp.sum(Jnp.square(args[0])), GradOptions.argnums(0));
 * TreeGradResult r = vg.apply(List.of(Jnp.ones(2), Jnp.ones(3)));   // grad: a list of two arrays
 * }
 */
@FunctionalInterface
public interface TreeGradFn {
    /** Applies the function. */
    TreeGradResult apply(Object... args);
}
