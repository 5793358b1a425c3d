package dev.jaxvm.lax;

import dev.jaxvm.Array;

/**
 * Pooling layers as {@code flax.linen}'s {@code max_pool}, {@code min_pool} and {@code avg_pool},
 * built on {@link Lax#reduceWindow}: the input is (batch..., spatial..., features) and the window
 * covers the spatial dimensions just before the last.
 *
 * {@snippet :
 * Array pooled = Pooling.maxPool(images, new int[] {2, 2}, new int[] {2, 2}, "VALID");   // NHWC
 * }
 */
public final class Pooling {
    private Pooling() {}

    /**
     * Max pooling.
     *
     * @param strides strides, or null for ones
     * @param padding a padding string or one (low, high) pair per window dimension
     */
    public static Array maxPool(Array x, int[] windowShape, int[] strides, Object padding) {
        return WindowOps.pool(WindowReduce.Monoid.MAX, x, windowShape, strides, padding);
    }

    /** Min pooling, as {@link #maxPool} with the minimum. */
    public static Array minPool(Array x, int[] windowShape, int[] strides, Object padding) {
        return WindowOps.pool(WindowReduce.Monoid.MIN, x, windowShape, strides, padding);
    }

    /** Average pooling with {@code count_include_pad=True}: the window sum over the window size ({@code x} floating). */
    public static Array avgPool(Array x, int[] windowShape, int[] strides, Object padding) {
        return WindowOps.pool(WindowReduce.Monoid.SUM, x, windowShape, strides, padding);
    }
}
