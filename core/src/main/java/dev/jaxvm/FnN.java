package dev.jaxvm;

/** A function of any number of arrays to an array, as the transformations in {@link Jax} take and return. */
@FunctionalInterface
public interface FnN {
    /** Applies the function. */
    Array apply(Array... xs);
}
