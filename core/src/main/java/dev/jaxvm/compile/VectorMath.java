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

    private VectorMath() {}

    private static FloatVector c(float v) { return FloatVector.broadcast(F, v); }

    /** e^x lane by lane (as {@link ScalarMath#exp}). */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.lanewise(VectorOperators.MAX, -104f).lanewise(VectorOperators.MIN, 89f);
        FloatVector n = c.mul(ScalarMath.LOG2E).add(ScalarMath.ROUND).sub(ScalarMath.ROUND);
        FloatVector r = n.fma(c(-ScalarMath.LN2_HI), c);
        r = n.fma(c(-ScalarMath.LN2_LO), r);
        float[] poly = ScalarMath.EXP_POLY;
        FloatVector p = c(poly[0]);
        for (int i = 1; i < poly.length; i++) p = p.fma(r, c(poly[i]));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1), k2 = k.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** sin x lane by lane (as {@link ScalarMath#sin}). */
    public static FloatVector sin(FloatVector x) { return sinCos(x, 0); }

    /** cos x lane by lane (as {@link ScalarMath#cos}). */
    public static FloatVector cos(FloatVector x) { return sinCos(x, 1); }

    private static FloatVector sinCos(FloatVector x, int shift) {
        if (x.abs().compare(VectorOperators.GT, ScalarMath.LARGE).anyTrue()) return lanes(x, shift);
        FloatVector q = x.mul(ScalarMath.TWO_OVER_PI).add(ScalarMath.ROUND).sub(ScalarMath.ROUND);
        FloatVector r = q.fma(c(-ScalarMath.PIO2_1), x);
        r = q.fma(c(-ScalarMath.PIO2_2), r);
        r = q.fma(c(-ScalarMath.PIO2_3), r);
        FloatVector z = r.mul(r);
        FloatVector s = c(ScalarMath.S1).fma(z, c(ScalarMath.S2)).fma(z, c(ScalarMath.S3)).mul(z).fma(r, r);
        FloatVector cz = c(ScalarMath.C1).fma(z, c(ScalarMath.C2)).fma(z, c(ScalarMath.C3)).mul(z).mul(z);
        FloatVector co = z.fma(c(-0.5f), c(1f)).add(cz);
        IntVector qi = ((IntVector) q.convert(VectorOperators.F2I, 0)).add(shift);
        VectorMask<Float> odd = qi.and(1).compare(VectorOperators.NE, 0).cast(F);
        VectorMask<Float> negative = qi.and(2).compare(VectorOperators.NE, 0).cast(F);
        FloatVector v = s.blend(co, odd);
        return v.blend(v.neg(), negative);
    }

    private static FloatVector lanes(FloatVector x, int shift) {
        float[] a = x.toArray();
        for (int i = 0; i < a.length; i++) a[i] = ScalarMath.sinCos(a[i], shift);
        return FloatVector.fromArray(F, a, 0);
    }
}
