package dev.jaxvm.lax;

/**
 * How {@code gather} and the {@code scatter} family treat out-of-bounds indices, as JAX's
 * {@code lax.GatherScatterMode}; prints as {@code GatherScatterMode.CLIP}.
 */
public enum GatherScatterMode {
    /** Indices are clamped so that the whole window is in bounds. */
    CLIP,
    /** Out-of-bounds gathers return the fill value; out-of-bounds scatter windows are dropped. */
    FILL_OR_DROP,
    /** The caller promises in-bounds indices; gathers clamp and scatters drop, as XLA on CPU does. */
    PROMISE_IN_BOUNDS,
    /** One-hot matmul lowering in JAX; evaluated here as {@link #PROMISE_IN_BOUNDS}. */
    ONE_HOT;

    /** JAX's parsing of the {@code mode=} strings: {@code "clip"}, {@code "fill"}/{@code "drop"}, {@code "promise_in_bounds"}. */
    public static GatherScatterMode parse(String s) {
        return switch (s) {
            case "clip" -> CLIP;
            case "fill", "drop" -> FILL_OR_DROP;
            case "promise_in_bounds" -> PROMISE_IN_BOUNDS;
            case "one_hot" -> ONE_HOT;
            default -> throw new IllegalArgumentException("Unknown gather mode \"" + s + "\"");
        };
    }

    @Override
    public String toString() { return "GatherScatterMode." + name(); }
}
