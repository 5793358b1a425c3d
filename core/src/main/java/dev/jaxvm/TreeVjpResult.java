package dev.jaxvm;

import java.util.function.Function;

/**
 * What the pytree forms of {@code Jax.vjp} return (JAX's {@code (primals_out, vjp_fn[, aux])}): the
 * function's value, a pytree; its pullback, which maps a cotangent of the value's structure (and its
 * leaves' shapes and dtypes) to cotangents of the arguments' structures; and the auxiliary data when
 * the function has any ({@code has_aux=True}), else null.
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * TreeVjpResult<Array, Params> r = Jax.vjpTree((Params p) -> Jnp.add(Jnp.dot(p.w(), x), p.b()), params);
 * Params ct = r.pullback().apply(Jnp.ones(3));
 * }
 *
 * @param primal the value
 * @param pullback the vector-Jacobian product
 * @param aux the auxiliary data, with its arrays' primal values, or null
 * @param <R> the value's type
 * @param <C> the arguments' cotangents' type
 */
public record TreeVjpResult<R, C>(R primal, Function<R, C> pullback, Object aux) {}
