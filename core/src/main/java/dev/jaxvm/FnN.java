package dev.jaxvm;

/**
 * A function of any number of arrays.
 *
 * {@snippet :
 * FnN f = xs -> xs[0].mul(xs[1]).sum();
 * }
 */
@FunctionalInterface
public interface FnN {
    /** Applies the function. */
    Array apply(Array... xs);
}
