package dev.jaxvm;

/**
 * What {@code Jax.linearize} returns: the function's value and its linear approximation (the JVP
 * at that point, as a function of tangents, one per argument).
 *
 * {@snippet :
 * Linearized l = Jax.linearize(xs -> Jnp.sin(xs[0]), x);
 * Array t = l.linear().apply(Jnp.ones(3));
 * }
 *
 * @param primal the value
 * @param linear the linear map from argument tangents to the output tangent
 */
public record Linearized(Array primal, FnN linear) {}
