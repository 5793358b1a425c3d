package dev.jaxvm;

/**
 * What the pytree forms of {@code Jax.jvp} return (JAX's {@code (primals_out, tangents_out[, aux])}):
 * the function's value and its JVP, pytrees of the same structure, and the auxiliary data when the
 * function has any ({@code has_aux=True}), else null.
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * TreeJvpResult<Array> r = Jax.jvpTree((Params p) -> Jnp.sum(p.w().mul(p.b())), params, direction);
 * }
 *
 * @param primal the value
 * @param tangent the tangent, with the value's structure
 * @param aux the auxiliary data, with its arrays' primal values, or null
 * @param <R> the value's type
 */
public record TreeJvpResult<R>(R primal, R tangent, Object aux) {}
