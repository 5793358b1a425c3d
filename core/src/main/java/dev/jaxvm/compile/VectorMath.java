package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 transcendentals for SIMD kernels, built only from exactly-rounded Vector API operations
 * (fused multiply-adds, conversions, shifts), so every JIT tier computes the same bits, and each lane
 * the same bits as {@link ScalarMath}: exp with a polynomial after reduction by ln 2, sin and cos with
 * Cephes' polynomials after reduction by pi/2. Loaded only when {@code jdk.incubator.vector} is present.
 */
public final class VectorMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    // constants as static final vectors: C2 folds them, keeping the inlined kernels small
    private static final FloatVector LN2_HI = c(-ScalarMath.LN2_HI), LN2_LO = c(-ScalarMath.LN2_LO);
    private static final FloatVector E0 = c(ScalarMath.EXP_POLY[0]), E1 = c(ScalarMath.EXP_POLY[1]),
            E2 = c(ScalarMath.EXP_POLY[2]), E3 = c(ScalarMath.EXP_POLY[3]), E4 = c(ScalarMath.EXP_POLY[4]),
            E5 = c(ScalarMath.EXP_POLY[5]);
    private static final FloatVector P1 = c(-ScalarMath.PIO2_1), P2 = c(-ScalarMath.PIO2_2), P3 = c(-ScalarMath.PIO2_3);
    private static final FloatVector S1 = c(ScalarMath.S1), S2 = c(ScalarMath.S2), S3 = c(ScalarMath.S3);
    private static final FloatVector C1 = c(ScalarMath.C1), C2 = c(ScalarMath.C2), C3 = c(ScalarMath.C3);
    private static final FloatVector HALF = c(-0.5f), ONE = c(1f);

    private VectorMath() {}

    private static FloatVector c(float v) { return FloatVector.broadcast(F, v); }

    /** e^x lane by lane (as {@link ScalarMath#exp}). */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.lanewise(VectorOperators.MAX, -104f).lanewise(VectorOperators.MIN, 89f);
        FloatVector n = c.mul(ScalarMath.LOG2E).add(ScalarMath.ROUND).sub(ScalarMath.ROUND);
        FloatVector r = n.fma(LN2_LO, n.fma(LN2_HI, c));
        FloatVector p = E0.fma(r, E1).fma(r, E2).fma(r, E3).fma(r, E4).fma(r, E5).fma(r.mul(r), r).add(1f);
        IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1), k2 = k.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** sin x lane by lane (as {@link ScalarMath#sin}). */
    public static FloatVector sin(FloatVector x) {
        if (x.abs().compare(VectorOperators.GT, ScalarMath.LARGE).anyTrue()) return lanes(x, 0);
        FloatVector q = x.mul(ScalarMath.TWO_OVER_PI).add(ScalarMath.ROUND).sub(ScalarMath.ROUND);
        return quadrant(q, q.fma(P3, q.fma(P2, q.fma(P1, x))), 0);
    }

    /** cos x lane by lane (as {@link ScalarMath#cos}). */
    public static FloatVector cos(FloatVector x) {
        if (x.abs().compare(VectorOperators.GT, ScalarMath.LARGE).anyTrue()) return lanes(x, 1);
        FloatVector q = x.mul(ScalarMath.TWO_OVER_PI).add(ScalarMath.ROUND).sub(ScalarMath.ROUND);
        return quadrant(q, q.fma(P3, q.fma(P2, q.fma(P1, x))), 1);
    }

    private static FloatVector quadrant(FloatVector q, FloatVector r, int shift) {
        FloatVector z = r.mul(r);
        FloatVector s = S1.fma(z, S2).fma(z, S3).mul(z).fma(r, r);
        FloatVector co = z.fma(HALF, ONE).add(C1.fma(z, C2).fma(z, C3).mul(z).mul(z));
        IntVector qi = ((IntVector) q.convert(VectorOperators.F2I, 0)).add(shift);
        FloatVector v = s.blend(co, qi.and(1).compare(VectorOperators.NE, 0).cast(F));
        return v.blend(v.neg(), qi.and(2).compare(VectorOperators.NE, 0).cast(F));
    }

    private static FloatVector lanes(FloatVector x, int shift) {
        float[] a = x.toArray();
        for (int i = 0; i < a.length; i++) a[i] = ScalarMath.sinCos(a[i], shift);
        return FloatVector.fromArray(F, a, 0);
    }
}
