package dev.jaxvm;

/** A function of 2 array(s) to an array, as the transformations in {@link Jax} take and return. */
@FunctionalInterface
public interface Fn2 {
    /** Applies the function. */
    Array apply(Array x, Array y);
}
