package dev.jaxvm;

/** A function of 3 array(s) to an array, as the transformations in {@link Jax} take and return. */
@FunctionalInterface
public interface Fn3 {
    /** Applies the function. */
    Array apply(Array x, Array y, Array z);
}
