package dev.jaxvm;

/**
 * What {@code Jax.jvp} returns: the function's value and its directional derivative.
 *
 * {@snippet :
 * JvpResult r = Jax.jvp(xs -> Jnp.sin(xs[0]), new Array[] {x}, new Array[] {t});   // (sin x, t cos x)
 * }
 *
 * @param primal the value
 * @param tangent the tangent (JVP)
 */
public record JvpResult(Array primal, Array tangent) {}
