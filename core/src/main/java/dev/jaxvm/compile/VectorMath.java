package dev.jaxvm.compile;

import dev.jaxvm.core.XlaFloat32;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 transcendentals for SIMD kernels, built only from exactly-rounded Vector API operations
 * (fused multiply-adds, integer bit operations, blends), so every JIT tier computes the same bits, and
 * each lane the same bits as the scalar form: exp, sin, cos, tanh and logistic as {@link ScalarMath},
 * log, log1p and erf_inv as XLA's operation sequences in {@link XlaFloat32} (JAX's numbers bit for bit).
 * No float-to-int conversions (their Java semantics cost fix-ups): integers are read from the low bits of
 * {@code t + 1.5 * 2^23}. Every constant is a static final vector, which C2 folds: a broadcast per use
 * would inflate the inlined kernels past C2's inlining node budget, and an operation left out of line
 * boxes its vectors (ten times slower). Loaded only when {@code jdk.incubator.vector} is present.
 */
public final class VectorMath {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

    static final FloatVector ZERO = c(0f), ONE = c(1f), TWO = c(2f), HALF = c(0.5f), NEG_HALF = c(-0.5f);
    static final FloatVector ROUND = c(ScalarMath.ROUND), LOG2E = c(ScalarMath.LOG2E);
    static final FloatVector EXP_LO = c(-104f), EXP_HI = c(89f);
    static final FloatVector LN2_HI = c(-ScalarMath.LN2_HI), LN2_LO = c(-ScalarMath.LN2_LO);
    static final FloatVector E0 = c(ScalarMath.EXP_POLY[0]), E1 = c(ScalarMath.EXP_POLY[1]),
            E2 = c(ScalarMath.EXP_POLY[2]), E3 = c(ScalarMath.EXP_POLY[3]), E4 = c(ScalarMath.EXP_POLY[4]),
            E5 = c(ScalarMath.EXP_POLY[5]);
    static final IntVector ROUND_BITS = ci(ScalarMath.ROUND_BITS), BIAS = ci(127), TWO_I = ci(2);
    static final FloatVector INV_PI = c(ScalarMath.INV_PI), LARGE = c(ScalarMath.LARGE);
    static final FloatVector PI_1 = c(-ScalarMath.PI_1), PI_2 = c(-ScalarMath.PI_2), PI_3 = c(-ScalarMath.PI_3);
    static final FloatVector SIN_3 = c(ScalarMath.SIN_3), SIN_5 = c(ScalarMath.SIN_5), SIN_7 = c(ScalarMath.SIN_7),
            SIN_9 = c(ScalarMath.SIN_9);
    static final FloatVector T1 = c(ScalarMath.T1), T2 = c(ScalarMath.T2), T3 = c(ScalarMath.T3),
            T4 = c(ScalarMath.T4), T5 = c(ScalarMath.T5), TANH_SMALL = c(ScalarMath.TANH_SMALL);
    static final IntVector SIGN_MASK = ci(0x80000000);

    private VectorMath() {}

    static FloatVector c(float v) { return FloatVector.broadcast(F, v); }

    static IntVector ci(int v) { return IntVector.broadcast(IntVector.SPECIES_256, v); }

    private static IntVector bits(FloatVector v) { return v.reinterpretAsInts(); }

    /** e^x lane by lane (as {@link ScalarMath#exp}). */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.lanewise(VectorOperators.MAX, EXP_LO).lanewise(VectorOperators.MIN, EXP_HI);
        FloatVector t = c.mul(LOG2E).add(ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(LN2_LO, n.fma(LN2_HI, c));
        FloatVector p = r.fma(E0, E1).fma(r, E2).fma(r, E3).fma(r, E4).fma(r, E5).fma(r.mul(r), r).add(ONE);
        IntVector k = bits(t).sub(ROUND_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1), k2 = k.sub(k1);
        return p.mul(pow2(k1)).mul(pow2(k2));
    }

    private static FloatVector pow2(IntVector k) { return k.add(BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats(); }

    /** sin x lane by lane (as {@link ScalarMath#sin}). */
    public static FloatVector sin(FloatVector x) {
        // rare (|x| > 2^16): C2 compiles the never-taken branch as a trap, so the common case pays one test
        FloatVector a = x.abs();
        if (a.compare(VectorOperators.GT, LARGE).anyTrue()) return lanes(x, 0);
        FloatVector t = a.mul(INV_PI).add(ROUND);
        FloatVector v = sinOfReduced(a, t.sub(ROUND));
        IntVector sign = bits(t).lanewise(VectorOperators.LSHL, 31).lanewise(VectorOperators.XOR, bits(x).and(SIGN_MASK));
        return bits(v).lanewise(VectorOperators.XOR, sign).reinterpretAsFloats();
    }

    /** cos x lane by lane (as {@link ScalarMath#cos}: sin(|x| + pi/2)). */
    public static FloatVector cos(FloatVector x) {
        FloatVector a = x.abs();
        if (a.compare(VectorOperators.GT, LARGE).anyTrue()) return lanes(x, 1);
        FloatVector t = a.mul(INV_PI).add(HALF).add(ROUND);
        FloatVector v = sinOfReduced(a, t.sub(ROUND).sub(HALF));
        return bits(v).lanewise(VectorOperators.XOR, bits(t).lanewise(VectorOperators.LSHL, 31)).reinterpretAsFloats();
    }

    /** sin(a - q pi) for |a - q pi| <= pi/2, as {@link ScalarMath#sinCos} (its shift 0 adds and subtracts 0: same bits). */
    private static FloatVector sinOfReduced(FloatVector a, FloatVector q) {
        FloatVector r = q.fma(PI_3, q.fma(PI_2, q.fma(PI_1, a)));
        FloatVector z = r.mul(r);
        FloatVector p = z.fma(SIN_9, SIN_7).fma(z, SIN_5).fma(z, SIN_3);
        return p.mul(z).fma(r, r);
    }

    private static FloatVector lanes(FloatVector x, int shift) {
        float[] a = x.toArray();
        for (int i = 0; i < a.length; i++) a[i] = ScalarMath.sinCos(a[i], shift);
        return FloatVector.fromArray(F, a, 0);
    }

    /** tanh x lane by lane (as {@link ScalarMath#tanh}). */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector p = z.fma(T1, T2).fma(z, T3).fma(z, T4).fma(z, T5);
        FloatVector small = p.mul(z).fma(a, a);
        FloatVector big = ONE.sub(TWO.div(exp(a.add(a)).add(ONE)));
        FloatVector m = big.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
        return bits(m).lanewise(VectorOperators.XOR, bits(x).and(SIGN_MASK)).reinterpretAsFloats();
    }

    /** The logistic function lane by lane (as {@link ScalarMath#logistic}). */
    public static FloatVector logistic(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector r = ONE.div(e.add(ONE));
        return r.blend(e.mul(r), x.compare(VectorOperators.LT, ZERO));
    }

    // XLA's sequences: constants from XlaFloat32's tables
    static final float[] LP = XlaFloat32.Table.LOG_P.coefficients();
    static final FloatVector LP0 = c(LP[0]), LP1 = c(LP[1]), LP2 = c(LP[2]), LP3 = c(LP[3]), LP4 = c(LP[4]),
            LP5 = c(LP[5]), LP6 = c(LP[6]), LP7 = c(LP[7]), LP8 = c(LP[8]);
    static final FloatVector LOG_Q1 = c(XlaFloat32.LOG_Q1), LOG_Q2 = c(XlaFloat32.LOG_Q2),
            SQRT_HALF = c(XlaFloat32.SQRT_HALF), MIN_NORMAL = c(Float.MIN_NORMAL), INF = c(Float.POSITIVE_INFINITY),
            NEG_INF = c(Float.NEGATIVE_INFINITY), NAN = c(Float.NaN);
    static final IntVector MANTISSA_SIGN = ci(0x807FFFFF), HALF_EXPONENT = ci(0x3F000000);

    /** XLA:CPU's float32 log lane by lane, bit for bit {@link XlaFloat32#log}. */
    public static FloatVector log(FloatVector y) {
        IntVector b = bits(y.lanewise(VectorOperators.MAX, MIN_NORMAL));
        IntVector e = b.lanewise(VectorOperators.LSHR, 23).sub(BIAS);
        FloatVector m = b.and(MANTISSA_SIGN).or(HALF_EXPONENT).reinterpretAsFloats();
        FloatVector ef = ((FloatVector) e.convert(VectorOperators.I2F, 0)).add(ONE);
        VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
        ef = ef.blend(ef.sub(ONE), low);
        FloatVector x = m.sub(ONE).add(ZERO.blend(m, low));
        FloatVector z = x.mul(x), x3 = z.mul(x);
        FloatVector y1 = x.fma(LP0, LP1).fma(x, LP2);
        FloatVector y2 = x.fma(LP3, LP4).fma(x, LP5);
        FloatVector y3 = x.fma(LP6, LP7).fma(x, LP8);
        FloatVector r = y1.fma(x3, y2).fma(x3, y3).fma(x3, ef.mul(LOG_Q1));
        FloatVector t = z.neg().fma(HALF, x).add(r);
        return logSpecials(ef.fma(LOG_Q2, t), y);
    }

    /** log's special arguments (a method of its own keeps log under C2's inlining size limit). */
    private static FloatVector logSpecials(FloatVector out, FloatVector y) {
        out = out.blend(y, y.compare(VectorOperators.EQ, INF));
        out = out.blend(NEG_INF, y.compare(VectorOperators.EQ, ZERO));
        return out.blend(NAN, y.compare(VectorOperators.LT, ZERO).or(y.compare(VectorOperators.NE, y)));
    }

    static final float[] LN = XlaFloat32.Table.LOG1P_NUM.coefficients(), LD = XlaFloat32.Table.LOG1P_DEN.coefficients();
    static final FloatVector N0 = c(LN[0]), N1 = c(LN[1]), N2 = c(LN[2]), N3 = c(LN[3]), N4 = c(LN[4]),
            N5 = c(LN[5]), N6 = c(LN[6]);
    static final FloatVector D0 = c(LD[0]), D1 = c(LD[1]), D2 = c(LD[2]), D3 = c(LD[3]), D4 = c(LD[4]),
            D5 = c(LD[5]), D6 = c(LD[6]), LOG1P_SMALL = c(XlaFloat32.LOG1P_SMALL);

    /** XLA:CPU's float32 log1p lane by lane, bit for bit {@link XlaFloat32#log1p}. */
    public static FloatVector log1p(FloatVector x) {
        FloatVector x2 = x.mul(x);
        // the scalar form starts from fma(0, x, c0) = c0 (x finite wherever this branch is taken)
        FloatVector den = D0.fma(x, D1).fma(x, D2).fma(x, D3).fma(x, D4).fma(x, D5).fma(x, D6);
        FloatVector num = N0.fma(x, N1).fma(x, N2).fma(x, N3).fma(x, N4).fma(x, N5).fma(x, N6);
        FloatVector small = x.add(x2.fma(NEG_HALF, x.mul(x2).mul(num.div(den))));
        return log(x.add(ONE)).blend(small, x.abs().compare(VectorOperators.LT, LOG1P_SMALL));
    }

    static final float[] A = XlaFloat32.Table.ERF_INV_LT5.coefficients(), G = XlaFloat32.Table.ERF_INV_GE5.coefficients();
    static final FloatVector A0 = c(A[0]), A1 = c(A[1]), A2 = c(A[2]), A3 = c(A[3]), A4 = c(A[4]), A5 = c(A[5]),
            A6 = c(A[6]), A7 = c(A[7]), A8 = c(A[8]);
    static final FloatVector G0 = c(G[0]), G1 = c(G[1]), G2 = c(G[2]), G3 = c(G[3]), G4 = c(G[4]), G5 = c(G[5]),
            G6 = c(G[6]), G7 = c(G[7]), G8 = c(G[8]);
    static final FloatVector FIVE = c(5f), TWO_HALF = c(2.5f), THREE = c(3f);

    /** XLA's float32 erf_inv lane by lane, bit for bit {@link XlaFloat32#erfInv}: both polynomials, blended. */
    public static FloatVector erfInv(FloatVector x) {
        FloatVector w = log1p(x.mul(x.neg())).neg();
        VectorMask<Float> lt5 = w.compare(VectorOperators.LT, FIVE);
        FloatVector t = w.sqrt().sub(THREE).blend(w.sub(TWO_HALF), lt5);
        FloatVector p = t.fma(A0, A1).fma(t, A2).fma(t, A3).fma(t, A4).fma(t, A5).fma(t, A6).fma(t, A7).fma(t, A8);
        FloatVector g = t.fma(G0, G1).fma(t, G2).fma(t, G3).fma(t, G4).fma(t, G5).fma(t, G6).fma(t, G7).fma(t, G8);
        p = g.blend(p, lt5);
        return p.mul(x).blend(x.mul(INF), x.abs().compare(VectorOperators.EQ, ONE));
    }
}
