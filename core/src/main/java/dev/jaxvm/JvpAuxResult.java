package dev.jaxvm;

/**
 * What {@code Jax.jvpWithAux} returns: the value, its JVP, and the function's auxiliary data
 * (JAX's {@code jvp(..., has_aux=True)}).
 *
 * {@snippet :
 * JvpAuxResult r = Jax.jvpWithAux(xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2))),
 *         new Array[] {Jnp.array(3f)}, new Array[] {Jnp.array(4f)});   // (27, 108, [9])
 * }
 *
 * @param primal the value
 * @param tangent the tangent
 * @param aux the auxiliary data, with its arrays' primal values
 */
public record JvpAuxResult(Array primal, Array tangent, Object aux) {}
