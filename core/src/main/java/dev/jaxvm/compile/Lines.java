package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;

/**
 * The lines of an array along one axis (the layout {@code outer x n x inner}, a line being the
 * {@code n} elements {@code inner} apart) and typed copies of a line to and from scratch arrays of
 * doubles or longs: the shared machinery of the axis kernels (scans, arg-reductions, sorts).
 *
 * @param outer the product of the dimensions before the axis
 * @param n the axis' size
 * @param inner the product of the dimensions after the axis (the stride of the axis)
 */
record Lines(int outer, int n, int inner) {

    /** The lines of an array of shape {@code s} along {@code axis}. */
    static Lines along(Shape s, int axis) {
        int[] d = s.dims();
        int outer = 1, inner = 1;
        for (int k = 0; k < axis; k++) outer *= d[k];
        for (int k = axis + 1; k < d.length; k++) inner *= d[k];
        return new Lines(outer, d[axis], inner);
    }

    /** The number of lines. */
    int count() { return n == 0 ? 0 : outer * inner; }

    /** The flat index of the first element of line {@code line}. */
    int base(int line) { return (line / inner) * n * inner + line % inner; }

    /** Runs {@code body} over every line, split over up to {@code threads} threads; {@code work} is per line. */
    void forEach(int threads, long work, Parallel.RangeBody body) {
        Parallel.forRange(count(), Math.max(1, work), threads, body);
    }

    /** Elements {@code base + i * stride} of {@code buf} (dtype {@code t}) as doubles, {@code i < dst.length}. */
    static void load(DType t, Object buf, int base, int stride, double[] dst) {
        switch (buf) {
            case float[] a -> { for (int i = 0; i < dst.length; i++) dst[i] = a[base + i * stride]; }
            case double[] a -> { for (int i = 0; i < dst.length; i++) dst[i] = a[base + i * stride]; }
            default -> { for (int i = 0; i < dst.length; i++) dst[i] = Storage.getDouble(t, buf, base + i * stride); }
        }
    }

    /** Elements of {@code buf} (an integer or bool dtype {@code t}) as longs, as {@link Storage#getLong}. */
    static void load(DType t, Object buf, int base, int stride, long[] dst) {
        if (buf instanceof int[] a && t == DType.INT32) {
            for (int i = 0; i < dst.length; i++) dst[i] = a[base + i * stride];
        } else {
            for (int i = 0; i < dst.length; i++) dst[i] = Storage.getLong(t, buf, base + i * stride);
        }
    }

    /** Stores doubles (already rounded to the dtype) as {@link Storage#setDouble} does. */
    static void store(DType t, Object buf, int base, int stride, double[] src) {
        switch (buf) {
            case float[] a -> { for (int i = 0; i < src.length; i++) a[base + i * stride] = (float) src[i]; }
            case double[] a -> { for (int i = 0; i < src.length; i++) a[base + i * stride] = src[i]; }
            default -> { for (int i = 0; i < src.length; i++) Storage.setDouble(t, buf, base + i * stride, src[i]); }
        }
    }

    /** Stores longs as {@link Storage#setLong} does (truncating to the dtype's width). */
    static void store(DType t, Object buf, int base, int stride, long[] src) {
        if (buf instanceof int[] a) {
            for (int i = 0; i < src.length; i++) a[base + i * stride] = (int) src[i];
        } else {
            for (int i = 0; i < src.length; i++) Storage.setLong(t, buf, base + i * stride, src[i]);
        }
    }

    /** {@code v} rounded to the floating dtype {@code t}, as a store and a load would. */
    static double round(DType t, double v) {
        return switch (t) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
            case BFLOAT16 -> Float.intBitsToFloat((Storage.toBFloat16((float) v) & 0xFFFF) << 16);
            case FLOAT64, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> v;
        };
    }
}
