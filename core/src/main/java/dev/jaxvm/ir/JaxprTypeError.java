package dev.jaxvm.ir;

/** Raised by {@link JaxprChecker} when a Jaxpr is not well formed (JAX's {@code JaxprTypeError}). */
public final class JaxprTypeError extends RuntimeException {
    /** An error with the full message. */
    public JaxprTypeError(String message) { super(message); }
}
