package dev.jaxvm.numpy;

/**
 * Raised when a boolean mask used as an index is a traced value: the result's shape would depend on
 * the mask's values, so (as in JAX) masks must be concrete. Use {@code Jnp.where} instead inside
 * transformations.
 */
public final class NonConcreteBooleanIndexError extends RuntimeException {
    /** An error with JAX's message for a traced mask of the given type. */
    public NonConcreteBooleanIndexError(String maskType) {
        super("Array boolean indices must be concrete; got " + maskType + "\n\nSee"
                + " https://docs.jax.dev/en/latest/errors.html#jax.errors.NonConcreteBooleanIndexError");
    }
}
