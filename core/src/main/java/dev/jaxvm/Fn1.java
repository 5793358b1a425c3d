package dev.jaxvm;

import java.util.function.Function;

/**
 * A function of one array: what {@link Jax#jit(Fn1)} and {@link Jax#makeJaxpr(Fn1)} take, written as
 * a lambda {@code x -> Jnp.sin(x).mul(2)}. It is a {@code Function<Array, Array>}, so the pytree
 * overloads (taking {@link Function}) accept it too; the {@code Fn1} overloads are chosen for lambdas.
 *
 * {@snippet :
 * Fn1 f = x -> Jnp.sin(x).mul(2);
 * JitFn1 g = Jax.jit(f);
 * }
 */
@FunctionalInterface
public interface Fn1 extends Function<Array, Array> {
    /** Applies the function. */
    @Override
    Array apply(Array x);
}
