package dev.jaxvm.compile;

/**
 * jaxvm's float32 exp, sin, cos, tanh and logistic, one lane at a time: the same operations, in the
 * same order, as {@link VectorMath}'s SIMD forms, so every element gets the same bits whether a kernel
 * computes it in a vector loop, a scalar tail, a scalar kernel, or without the Vector API. Within 2 ulp
 * of {@link Math} (the reference backend's arithmetic).
 */
final class ScalarMath {
    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds a float below 2^22 to an integer, held in the low bits of the sum. */
    static final float ROUND = 12582912f;
    /** The bits of {@link #ROUND}: subtracting them from the sum's bits gives the integer. */
    static final int ROUND_BITS = 0x4B400000;
    /** pi in three floats (Cody and Waite), and 1/pi. */
    static final float PI_1 = 3.1415927410125732f, PI_2 = -8.742277657347586e-08f, PI_3 = -3.4302490200117637e-15f;
    static final float INV_PI = 0.31830987334251404f;
    /** Beyond this, sin and cos take Math's (the reduction by pi/2 in float loses accuracy). */
    static final float LARGE = 65536f;
    static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
        1.6666665459e-1f, 5.0000001201e-1f};
    /** sin r = r + r^3 (SIN_3 + SIN_5 r^2 + SIN_7 r^4 + SIN_9 r^6) on [-pi/2, pi/2] (tools/bench/fit_sin.py). */
    static final float SIN_3 = -0.16666659712791443f, SIN_5 = 0.008333065547049046f, SIN_7 = -0.00019809530931524932f,
            SIN_9 = 2.6056131900986657e-06f;
    /** Cephes' tanhf: below {@link #TANH_SMALL}, {@code x + x z P(z)} with z = x^2. */
    static final float T1 = -5.70498872745e-3f, T2 = 2.06390887954e-2f, T3 = -5.37397155531e-2f,
            T4 = 1.33314422036e-1f, T5 = -3.33332819422e-1f;
    static final float TANH_SMALL = 0.625f;

    private ScalarMath() {}

    /** e^x. */
    public static float exp(float x) {
        float c = Math.min(Math.max(x, -104f), 89f);
        float t = c * LOG2E + ROUND;
        float n = t - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = EXP_POLY[0];
        for (int i = 1; i < EXP_POLY.length; i++) p = Math.fma(p, r, EXP_POLY[i]);
        p = Math.fma(p, r * r, r) + 1f;
        int k = Float.floatToRawIntBits(t) - ROUND_BITS, k1 = k >> 1, k2 = k - k1;
        return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k2 + 127) << 23);
    }

    /** sin x. */
    public static float sin(float x) { return sinCos(x, 0); }

    /** cos x. */
    public static float cos(float x) { return sinCos(x, 1); }

    /**
     * sin x (shift 0) or cos x = sin(|x| + pi/2) (shift 1): reduction by pi in three parts with fma to
     * {@code r} in [-pi/2, pi/2], one odd polynomial of degree 9 (a minimax fit for relative error), and
     * the sign from the parity of the quotient (and x's sign for sin, which keeps sin(-0) = -0).
     */
    static float sinCos(float x, int shift) {
        if (Math.abs(x) > LARGE) return (float) (shift == 0 ? Math.sin(x) : Math.cos(x));
        float a = Math.abs(x);
        float half = shift * 0.5f;
        float t = a * INV_PI + half + ROUND;
        float q = t - ROUND - half;
        float r = Math.fma(q, -PI_1, a);
        r = Math.fma(q, -PI_2, r);
        r = Math.fma(q, -PI_3, r);
        float z = r * r;
        float p = Math.fma(Math.fma(Math.fma(SIN_9, z, SIN_7), z, SIN_5), z, SIN_3);
        float v = Math.fma(p * z, r, r);
        // the quotient's parity is t's lowest mantissa bit (q + 1/2 < 2^22)
        int sign = (Float.floatToRawIntBits(t) << 31) ^ (Float.floatToRawIntBits(x) & (shift - 1) & 0x80000000);
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ sign);
    }

    /** tanh x: Cephes' odd polynomial for small |x|, else {@code 1 - 2 / (e^{2|x|} + 1)} with x's sign. */
    public static float tanh(float x) {
        // on |x|, then x's sign (tanh is odd; keeps tanh(-0) = -0)
        float a = Math.abs(x);
        float z = a * a;
        float p = Math.fma(Math.fma(Math.fma(Math.fma(T1, z, T2), z, T3), z, T4), z, T5);
        float small = Math.fma(p * z, a, a);
        float big = 1f - 2f / (exp(a + a) + 1f);
        float m = a < TANH_SMALL ? small : big;
        return Float.intBitsToFloat(Float.floatToRawIntBits(m) ^ (Float.floatToRawIntBits(x) & 0x80000000));
    }

    /** 1 / (1 + e^-x), computed from e^-|x| so that it keeps its relative accuracy for negative x. */
    public static float logistic(float x) {
        float e = exp(-Math.abs(x));
        float r = 1f / (1f + e);
        return x < 0 ? e * r : r;
    }
}
