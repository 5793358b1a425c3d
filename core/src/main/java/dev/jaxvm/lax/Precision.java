package dev.jaxvm.lax;

/**
 * The precision of a contraction ({@code lax.Precision}): a hint for how many passes of reduced
 * precision arithmetic an accelerator may use. jaxvm always computes at full precision, so the
 * value only matters for printing; primitives print it as JAX does.
 */
public enum Precision {
    /** The backend's fastest mode. */
    DEFAULT,
    /** An intermediate mode. */
    HIGH,
    /** Full precision. */
    HIGHEST
}
