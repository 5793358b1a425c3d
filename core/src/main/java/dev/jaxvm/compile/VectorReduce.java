package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * float32 max and min reductions for SIMD kernels, on integer keys: a float's bits with the magnitude
 * bits flipped when negative order like the floats themselves (-0 below +0), so the running maximum is
 * one integer {@code max} per vector, a one-cycle dependency, where the Vector API's float {@code MAX}
 * (Java's NaN and signed-zero rules) is a sequence of several dependent instructions. A NaN lane is
 * replaced by a NaN whose key is above (max) or below (min) every other, so NaNs propagate as
 * {@link Math#max}'s do. Max and min are exact and order-free: the result is the same whatever the
 * grouping of lanes. Loaded only when {@code jdk.incubator.vector} is present.
 */
public final class VectorReduce {
    private static final IntVector MAGNITUDE = IntVector.broadcast(IntVector.SPECIES_256, 0x7fffffff);
    private static final FloatVector MAX_NAN = IntVector.broadcast(IntVector.SPECIES_256, 0x7fc00000).reinterpretAsFloats();
    private static final FloatVector MIN_NAN = IntVector.broadcast(IntVector.SPECIES_256, 0xffc00000).reinterpretAsFloats();
    private static final IntVector MAX_INIT = key(IntVector.broadcast(IntVector.SPECIES_256, Float.floatToRawIntBits(Float.NEGATIVE_INFINITY)));
    private static final IntVector MIN_INIT = key(IntVector.broadcast(IntVector.SPECIES_256, Float.floatToRawIntBits(Float.POSITIVE_INFINITY)));

    private VectorReduce() {}

    /** The order-preserving key of float bits (an involution). */
    private static IntVector key(IntVector bits) {
        return bits.lanewise(VectorOperators.XOR, bits.lanewise(VectorOperators.ASHR, 31).and(MAGNITUDE));
    }

    /** The identity of a max reduction's keys. */
    public static IntVector maxInit() { return MAX_INIT; }

    /** The identity of a min reduction's keys. */
    public static IntVector minInit() { return MIN_INIT; }

    /** {@code acc} folded with {@code v}'s lanes by max. */
    public static IntVector max(IntVector acc, FloatVector v) {
        return acc.max(key(v.blend(MAX_NAN, v.compare(VectorOperators.NE, v)).reinterpretAsInts()));
    }

    /** {@code acc} folded with {@code v}'s lanes by min. */
    public static IntVector min(IntVector acc, FloatVector v) {
        return acc.min(key(v.blend(MIN_NAN, v.compare(VectorOperators.NE, v)).reinterpretAsInts()));
    }

    /** The float value of lane {@code i} of a key vector. */
    public static float lane(IntVector acc, int i) {
        int k = acc.lane(i);
        return Float.intBitsToFloat(k ^ ((k >> 31) & 0x7fffffff));
    }
}
