package dev.jaxvm;

import java.util.List;
import java.util.function.Function;

/**
 * What {@code Jax.vjpWithAux} returns (JAX's {@code vjp(..., has_aux=True)}): the value, its pullback,
 * and the function's auxiliary data.
 *
 * {@snippet :
 * VjpAuxResult r = Jax.vjpWithAux(xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2))), Jnp.array(3f));
 * Array ct = r.pullback().apply(Jnp.array(1f)).getFirst();   // 27; aux [9]
 * }
 *
 * @param primal the value
 * @param pullback the vector-Jacobian product: one cotangent per argument
 * @param aux the auxiliary data, with its arrays' primal values
 */
public record VjpAuxResult(Array primal, Function<Array, List<Array>> pullback, Object aux) {}
