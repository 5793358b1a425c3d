package dev.jaxvm.core;

/**
 * Raised when a traced value is used where a concrete one is needed (JAX's
 * {@code ConcretizationTypeError}): calling {@code item()} on a tracer, branching in Java on a
 * traced comparison, or taking a shape from traced data.
 */
public final class ConcretizationTypeError extends RuntimeException {
    /** An error with the full message. */
    public ConcretizationTypeError(String message) { super(message); }
}
