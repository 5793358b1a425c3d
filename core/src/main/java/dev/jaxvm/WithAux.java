package dev.jaxvm;

/**
 * The result of a function that returns auxiliary data besides the value it is differentiated for
 * (JAX's {@code has_aux=True}): a scalar {@code out} and any {@code aux} (arrays, lists of arrays or
 * other Java values), which transformations return alongside their results, undifferentiated.
 *
 * {@snippet :
 * FnAux f = xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2)));
 * GradResult r = Jax.valueAndGradWithAux(f, GradOptions.argnums(0).withHasAux(true)).apply(Jnp.array(3f));
 * }
 *
 * @param out the value to differentiate
 * @param aux auxiliary data
 */
public record WithAux(Array out, Object aux) {}
