package dev.jaxvm.core;

/**
 * Raised when a tracer is used outside the transformation that created it: after that
 * transformation returned (it "escaped", e.g. stored in a field), or from another thread.
 */
public final class EscapedTracerError extends RuntimeException {
    /** An error with the full message. */
    public EscapedTracerError(String message) { super(message); }
}
