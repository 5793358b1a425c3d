package dev.jaxvm;

import java.util.List;
import java.util.function.Function;

/**
 * What {@code Jax.vjp} returns: the function's value and its pullback, which maps a cotangent of the
 * value to one cotangent per argument.
 *
 * {@snippet :
 * VjpResult r = Jax.vjp(xs -> Jnp.multiply(xs[0], xs[1]), x, y);
 * List<Array> cts = r.pullback().apply(Jnp.ones(3));
 * }
 *
 * @param primal the value
 * @param pullback the vector-Jacobian product
 */
public record VjpResult(Array primal, Function<Array, List<Array>> pullback) {}
