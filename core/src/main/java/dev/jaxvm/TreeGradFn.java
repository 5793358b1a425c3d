package dev.jaxvm;

/**
 * A function returning its value and gradient with respect to pytree arguments, as
 * {@code jax.value_and_grad(f, argnums, has_aux)} returns (see {@link Jax#valueAndGradTree}).
 *
 * {@snippet :
 * TreeGradFn vg = Jax.valueAndGradTree(args -> {
 *     List<?> xs = (List<?>) args[0];
 *     return Jnp.add(Jnp.sum(Jnp.square(xs.get(0))), Jnp.sum(Jnp.square(xs.get(1))));
 * }, GradOptions.argnums(0));
 * TreeGradResult r = vg.apply(List.of(Jnp.ones(2), Jnp.ones(3)));   // value 5; grad [[2, 2], [2, 2, 2]]
 * }
 */
@FunctionalInterface
public interface TreeGradFn {
    /** Applies the function. */
    TreeGradResult apply(Object... args);
}
