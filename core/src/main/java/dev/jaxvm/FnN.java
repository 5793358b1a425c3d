package dev.jaxvm;

/**
 * A function of any number of arguments, for {@link Jax#jitN(FnN)} and {@link Jax#makeJaxprN(FnN)}:
 * each argument is a pytree of arrays (an {@link Array}, a Java scalar, a record, a list, ...) or,
 * for the positions given to {@link JitFnN#staticArgnums}, any Java value; the result is a pytree.
 * Jnp functions accept {@code Object}, so bodies read naturally: {@code args -> Jnp.add(args[0], args[1])}.
 *
 * <p>(Varargs lambdas have one parameter, like {@link Fn1}'s, so Java could not tell them apart in
 * overloads: hence the separate names {@code jitN} and {@code makeJaxprN}.)
 *
 * {@snippet :
 * FnN f = args -> Jnp.multiply(args[0], (int) args[1]);
 * JitFnN g = Jax.jitN(f).staticArgnums(1);
 * }
 */
@FunctionalInterface
public interface FnN {
    /** Applies the function. */
    Object apply(Object... args);
}
