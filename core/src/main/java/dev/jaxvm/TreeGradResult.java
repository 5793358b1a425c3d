package dev.jaxvm;

/**
 * What {@code Jax.valueAndGradTree} returns (JAX's {@code value_and_grad}): the function's scalar
 * value, the gradient, and the auxiliary data when the function has any ({@code hasAux}), else null.
 * The gradient has the structure of the differentiated argument (a record of arrays gives a record
 * of gradients); with several argnums it is a {@code List} of those, in the order asked.
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * TreeGradResult r = Jax.valueAndGradTree(args -> Jnp.sum(((Params) args[0]).w()), GradOptions.argnums(0))
 *         .apply(params);
 * Params g = (Params) r.grad();
 * }
 *
 * @param value the value
 * @param grad the gradient: one pytree, or a list of pytrees for several argnums
 * @param aux the auxiliary data, with its arrays' primal values, or null
 */
public record TreeGradResult(Array value, Object grad, Object aux) {}
