package dev.jaxvm;

/** A function of 1 array(s) to an array, as the transformations in {@link Jax} take and return. */
@FunctionalInterface
public interface Fn1 {
    /** Applies the function. */
    Array apply(Array x);
}
