package dev.jaxvm.lax;

/** The precision hint of {@code dot_general}, as JAX's {@code lax.Precision}; prints as its bare name. */
public enum Precision {
    /** The fastest mode (bfloat16 passes on accelerators). */
    DEFAULT,
    /** Intermediate precision. */
    HIGH,
    /** Full float32 precision. */
    HIGHEST
}
