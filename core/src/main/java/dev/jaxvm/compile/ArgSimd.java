package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API pass of {@link ArgKernel} on contiguous float32 lines: the line's maximum or minimum
 * with {@code Math.max}/{@code Math.min} lane semantics (NaN propagates); only loaded when the
 * incubator module is present ({@link VectorEmitter#AVAILABLE}).
 */
final class ArgSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private ArgSimd() {}

    /** The maximum (or minimum) of {@code v[base, base + n)}, NaN if any element is NaN; {@code n >= 1}. */
    static float extreme(float[] v, int base, int n, boolean max) {
        int i = 0, bound = S.loopBound(n);
        float m = v[base];
        if (bound > 0) {
            FloatVector acc = FloatVector.fromArray(S, v, base);
            for (i = S.length(); i < bound; i += S.length()) {
                FloatVector x = FloatVector.fromArray(S, v, base + i);
                acc = max ? acc.max(x) : acc.min(x);
            }
            m = acc.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        }
        for (; i < n; i++) m = max ? Math.max(m, v[base + i]) : Math.min(m, v[base + i]);
        return m;
    }

    /** The first index of {@code v[base, base + n)} equal ({@code ==}) to {@code m}, or -1. */
    static int first(float[] v, int base, int n, float m) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            var hit = FloatVector.fromArray(S, v, base + i).compare(VectorOperators.EQ, m);
            if (hit.anyTrue()) return i + hit.firstTrue();
        }
        for (; i < n; i++) if (v[base + i] == m) return i;
        return -1;
    }
}
