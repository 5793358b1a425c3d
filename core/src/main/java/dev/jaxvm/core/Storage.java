package dev.jaxvm.core;

import dev.jaxvm.DType;

/**
 * Typed element access to the flat primitive arrays that hold array data, one Java array type per
 * dtype: {@code boolean[]} for bool, {@code byte[]} for (u)int8, {@code short[]} for (u)int16,
 * float16 and bfloat16 (their bits), {@code int[]} for (u)int32, {@code long[]} for (u)int64,
 * {@code float[]} and {@code double[]}. Unsigned values are stored in two's complement.
 *
 * <p>Conversions follow XLA on CPU: float to integer truncates toward zero and saturates (NaN gives 0);
 * integer to integer wraps.
 */
public final class Storage {
    private Storage() {}

    /** A zero-filled data array of {@code n} elements of dtype {@code t}. */
    public static Object allocate(DType t, int n) {
        return switch (t) {
            case BOOL -> new boolean[n];
            case INT8, UINT8 -> new byte[n];
            case INT16, UINT16, FLOAT16, BFLOAT16 -> new short[n];
            case INT32, UINT32 -> new int[n];
            case INT64, UINT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case FLOAT0 -> new boolean[n];
        };
    }

    /** The element at {@code i} as a double (unsigned values read as unsigned, bool as 0/1). */
    public static double getDouble(DType t, Object data, int i) {
        return switch (t) {
            case BOOL, FLOAT0 -> ((boolean[]) data)[i] ? 1 : 0;
            case INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case FLOAT16 -> Float.float16ToFloat(((short[]) data)[i]);
            case BFLOAT16 -> Float.intBitsToFloat((((short[]) data)[i] & 0xFFFF) << 16);
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64 -> ((long[]) data)[i];
            case UINT64 -> unsignedToDouble(((long[]) data)[i]);
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /** The element at {@code i} as a long: integers exactly (uint64 as its bits), floats truncated. */
    public static long getLong(DType t, Object data, int i) {
        return switch (t) {
            case BOOL, FLOAT0 -> ((boolean[]) data)[i] ? 1 : 0;
            case INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64, UINT64 -> ((long[]) data)[i];
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 -> (long) getDouble(t, data, i);
        };
    }

    /** The element at {@code i} as a boolean (non-zero is true). */
    public static boolean getBoolean(DType t, Object data, int i) {
        return switch (t) {
            case BOOL, FLOAT0 -> ((boolean[]) data)[i];
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 -> getDouble(t, data, i) != 0;
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64 -> getLong(t, data, i) != 0;
        };
    }

    /** Stores {@code v} at {@code i}, converting as XLA's {@code convert_element_type} does. */
    public static void setDouble(DType t, Object data, int i, double v) {
        switch (t) {
            case BOOL, FLOAT0 -> ((boolean[]) data)[i] = v != 0;
            case FLOAT16 -> ((short[]) data)[i] = Float.floatToFloat16((float) v);
            case BFLOAT16 -> ((short[]) data)[i] = toBFloat16((float) v);
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
            case UINT64 -> ((long[]) data)[i] = doubleToUnsigned(v);
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64 -> setLong(t, data, i, saturate(t, v));
        }
    }

    /** Stores the integer {@code v} at {@code i}: wraps for integer dtypes, rounds for floats. */
    public static void setLong(DType t, Object data, int i, long v) {
        switch (t) {
            case BOOL, FLOAT0 -> ((boolean[]) data)[i] = v != 0;
            case INT8, UINT8 -> ((byte[]) data)[i] = (byte) v;
            case INT16, UINT16 -> ((short[]) data)[i] = (short) v;
            case INT32, UINT32 -> ((int[]) data)[i] = (int) v;
            case INT64, UINT64 -> ((long[]) data)[i] = v;
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 -> setDouble(t, data, i, (double) v);
        }
    }

    /** Stores a boolean as 0/1 (or true/false for bool). */
    public static void setBoolean(DType t, Object data, int i, boolean v) { setLong(t, data, i, v ? 1 : 0); }

    /** Copies element {@code si} of {@code src} to element {@code di} of {@code dst}, both of dtype t. */
    public static void copyElement(Object src, int si, Object dst, int di) {
        switch (src) {
            case boolean[] a -> ((boolean[]) dst)[di] = a[si];
            case byte[] a -> ((byte[]) dst)[di] = a[si];
            case short[] a -> ((short[]) dst)[di] = a[si];
            case int[] a -> ((int[]) dst)[di] = a[si];
            case long[] a -> ((long[]) dst)[di] = a[si];
            case float[] a -> ((float[]) dst)[di] = a[si];
            case double[] a -> ((double[]) dst)[di] = a[si];
            default -> throw new IllegalArgumentException("not a data array: " + src.getClass());
        }
    }

    /** The number of elements of a data array. */
    public static int length(Object data) { return java.lang.reflect.Array.getLength(data); }

    /** A copy of a data array. */
    public static Object copy(Object data) {
        return switch (data) {
            case boolean[] a -> a.clone();
            case byte[] a -> a.clone();
            case short[] a -> a.clone();
            case int[] a -> a.clone();
            case long[] a -> a.clone();
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            default -> throw new IllegalArgumentException("not a data array: " + data.getClass());
        };
    }

    /** float32 to bfloat16 bits, rounding to nearest even (NaN stays NaN). */
    public static short toBFloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7FFF + lsb) >>> 16);
    }

    private static long saturate(DType t, double v) {
        if (Double.isNaN(v)) return 0;
        long lo = switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case BOOL, UINT8, UINT16, UINT32, UINT64, FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> 0;
        };
        long hi = switch (t) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295L;
            case BOOL, INT64, UINT64, FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> Long.MAX_VALUE;
        };
        if (v <= lo) return lo;
        if (v >= hi) return hi;
        return (long) v;
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    private static long doubleToUnsigned(double v) {
        if (Double.isNaN(v) || v <= 0) return 0;
        if (v >= 18446744073709551615.0) return -1L;
        if (v < 9.223372036854775807E18) return (long) v;
        return (long) (v - 9.223372036854775808E18) ^ Long.MIN_VALUE;
    }
}
