package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;

/** Facts about scalar operations that the fuser and the backends share: cost, identities, rounding. */
final class Scalars {
    private Scalars() {}

    /** Whether {@code op} is costly enough that a value computed with it should not be recomputed. */
    static boolean expensive(ScalarOp op) {
        return switch (op) {
            case EXP, EXP2, LOG, EXPM1, LOG1P, TANH, LOGISTIC, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, ASINH,
                 ACOSH, ATANH, CBRT, POW, ATAN2, ERF, ERFC, ERF_INV, LGAMMA, DIGAMMA -> true;
            case NEG, SIGN, FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN, IS_FINITE, SQRT, RSQRT, SQUARE, ABS, NOT, POPCNT, CLZ,
                 COPY, ADD, SUB, MUL, DIV, REM, MAX, MIN, NEXTAFTER, AND, OR, XOR, SHIFT_LEFT, SHIFT_RIGHT_ARITHMETIC,
                 SHIFT_RIGHT_LOGICAL, EQ, NE, LT, LE, GT, GE -> false;
        };
    }

    /** The identity of reduction {@code op} for floating values. */
    static double identityDouble(ScalarOp op) {
        return switch (op) {
            case ADD, OR, XOR -> 0;
            case MUL, AND -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a reduction: " + op);
        };
    }

    /** The identity of reduction {@code op} for integer and bool values of dtype {@code t} (as read by getLong). */
    static long identityLong(ScalarOp op, DType t) {
        boolean u = t.isUnsigned();
        int bits = t.bits();
        long max = t == DType.BOOL ? 1 : u ? (bits == 64 ? -1L : (1L << bits) - 1) : (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1);
        long min = t == DType.BOOL || u ? 0 : (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1)));
        return switch (op) {
            case ADD, OR, XOR -> 0;
            case MUL -> 1;
            case AND -> t == DType.BOOL ? 1 : -1;
            case MAX -> min;
            case MIN -> max;
            default -> throw new IllegalArgumentException("not a reduction: " + op);
        };
    }

    /** Rounds a double to the precision of floating dtype {@code t}, as a stored value would be. */
    static double round(DType t, double v) {
        return switch (t) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
            case BFLOAT16 -> Float.intBitsToFloat((Storage.toBFloat16((float) v) & 0xFFFF) << 16);
            case FLOAT64, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> v;
        };
    }

    /** Wraps an integer result to dtype {@code t}, as storing and reloading it would. */
    static long wrap(DType t, long v) {
        return switch (t) {
            case BOOL, FLOAT0 -> v != 0 ? 1 : 0;
            case INT8 -> (byte) v;
            case UINT8 -> v & 0xFF;
            case INT16 -> (short) v;
            case UINT16 -> v & 0xFFFF;
            case INT32 -> (int) v;
            case UINT32 -> v & 0xFFFFFFFFL;
            case INT64, UINT64 -> v;
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 -> v;
        };
    }

    /** A double converted to uint32 as {@code convert_element_type} does (saturating, NaN to 0), as its int bits. */
    public static int toUint32(double v) {
        if (Double.isNaN(v) || v <= 0) return 0;
        if (v >= 4294967295.0) return -1;
        return (int) (long) v;
    }

    /** An integer value of dtype {@code t} as a double (uint64 read as unsigned). */
    static double toDouble(DType t, long v) {
        if (t == DType.UINT64 && v < 0) return (double) (v >>> 1) * 2.0 + (v & 1);
        return v;
    }
}
