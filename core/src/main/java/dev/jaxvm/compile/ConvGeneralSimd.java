package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 dot products of {@link ConvRows} (kernel-gradient convolutions): with the Vector API,
 * four vectors of fused multiply-adds in float32 lanes, reduced once; without it, a double sum.
 */
final class ConvGeneralSimd {
    private ConvGeneralSimd() {}

    /** {@code sum a[ao + i] * b[bo + i]} over {@code i < len}. */
    static double dot(float[] a, int ao, float[] b, int bo, int len) {
        if (VectorEmitter.AVAILABLE && len >= 32) return Lanes.dot(a, ao, b, bo, len);
        double s = 0;
        for (int i = 0; i < len; i++) s += (double) a[ao + i] * b[bo + i];
        return s;
    }

    /** The lanes of a lane accumulator ({@link #dotInto}); 1 without the Vector API. */
    static int lanes() { return VectorEmitter.AVAILABLE ? Lanes.F.length() : 1; }

    /**
     * Adds the products {@code a[ao + i] * b[bo + i]}, {@code i < len}, into the {@link #lanes()} float32
     * lane sums {@code acc[at...]} (reduced once per output element by {@link #reduce}).
     */
    static void dotInto(float[] acc, int at, float[] a, int ao, float[] b, int bo, int len) {
        if (VectorEmitter.AVAILABLE) {
            Lanes.dotInto(acc, at, a, ao, b, bo, len);
            return;
        }
        float s = acc[at];
        for (int i = 0; i < len; i++) s = Math.fma(a[ao + i], b[bo + i], s);
        acc[at] = s;
    }

    /** The sum of the lane sums {@code acc[at, at + lanes())}. */
    static double reduce(float[] acc, int at) {
        double s = 0;
        for (int i = 0, n = lanes(); i < n; i++) s += acc[at + i];
        return s;
    }

    /** The Vector API path (a nested class, loaded only when the module is present). */
    private static final class Lanes {
        private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

        static void dotInto(float[] acc, int at, float[] a, int ao, float[] b, int bo, int len) {
            int l = F.length(), i = 0;
            FloatVector s0 = FloatVector.fromArray(F, acc, at), s1 = FloatVector.zero(F);
            for (; i + 2 * l <= len; i += 2 * l) {
                s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
                s1 = FloatVector.fromArray(F, a, ao + i + l).fma(FloatVector.fromArray(F, b, bo + i + l), s1);
            }
            if (i + l <= len) {
                s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
                i += l;
            }
            if (i < len) {
                var m = F.indexInRange(i, len);
                s1 = FloatVector.fromArray(F, a, ao + i, m).fma(FloatVector.fromArray(F, b, bo + i, m), s1);
            }
            s0.add(s1).intoArray(acc, at);
        }

        static double dot(float[] a, int ao, float[] b, int bo, int len) {
            int l = F.length(), i = 0;
            FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
            for (; i + 4 * l <= len; i += 4 * l) {
                s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
                s1 = FloatVector.fromArray(F, a, ao + i + l).fma(FloatVector.fromArray(F, b, bo + i + l), s1);
                s2 = FloatVector.fromArray(F, a, ao + i + 2 * l).fma(FloatVector.fromArray(F, b, bo + i + 2 * l), s2);
                s3 = FloatVector.fromArray(F, a, ao + i + 3 * l).fma(FloatVector.fromArray(F, b, bo + i + 3 * l), s3);
            }
            for (; i + l <= len; i += l) s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
            double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) s += (double) a[ao + i] * b[bo + i];
            return s;
        }
    }
}
