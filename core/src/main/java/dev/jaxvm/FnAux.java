package dev.jaxvm;

/**
 * A function of arrays that returns a value and auxiliary data ({@code has_aux=True} in JAX).
 *
 * {@snippet :
 * FnAux f = xs -> new WithAux(xs[0].mul(xs[0]).sum(), xs[0]);
 * }
 */
@FunctionalInterface
public interface FnAux {
    /** Applies the function. */
    WithAux apply(Array... xs);
}
