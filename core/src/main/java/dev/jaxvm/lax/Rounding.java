package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.Storage;

/** Rounds a double intermediate to a float dtype's precision, as a kernel computing in that dtype would. */
final class Rounding {
    private Rounding() {}

    /** {@code v} rounded to {@code t} (unchanged for float64 and non-float dtypes). */
    static double toDType(DType t, double v) {
        return switch (t) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
            case BFLOAT16 -> Float.intBitsToFloat((Storage.toBFloat16((float) v) & 0xFFFF) << 16);
            case FLOAT64, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> v;
        };
    }
}
