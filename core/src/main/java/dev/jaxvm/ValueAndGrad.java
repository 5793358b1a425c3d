package dev.jaxvm;

/**
 * The value of a scalar function of a pytree and its gradient, a pytree of the argument's structure
 * (what {@code Jax.valueAndGrad(Function)} returns).
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * ValueAndGrad<Params> r = Jax.valueAndGrad((Params p) -> Jnp.sum(p.w().mul(p.b()))).apply(params);
 * Params g = r.grad();
 * }
 *
 * @param value the value
 * @param grad the gradient, with the argument's structure
 * @param <P> the argument's type
 */
public record ValueAndGrad<P>(Array value, P grad) {}
