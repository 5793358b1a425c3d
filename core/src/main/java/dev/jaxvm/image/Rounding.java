package dev.jaxvm.image;

/** How {@link Images#toUint8} turns real values into the integers 0..255 (after clipping). */
public enum Rounding {
    /** To the nearest integer, ties to even ({@code jnp.round}, {@code np.rint}). */
    NEAREST_EVEN,
    /** Toward minus infinity ({@code jnp.floor}). */
    FLOOR,
    /** Toward zero, as NumPy's {@code astype(np.uint8)} of clipped values. */
    TRUNCATE
}
