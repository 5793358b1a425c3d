package dev.jaxvm.compile;

/**
 * jaxvm's float32 exp, sin and cos, one lane at a time: the same operations, in the same order, as
 * {@link VectorMath}'s SIMD forms, so every element gets the same bits whether a kernel computes it in
 * a vector loop, a scalar tail, a scalar kernel, or without the Vector API. Within about 1 ulp of
 * {@link Math} (the reference backend's arithmetic).
 */
final class ScalarMath {
    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding and subtracting it rounds a float to an integer. */
    static final float ROUND = 12582912f;
    static final float PIO2_1 = 1.5707963705062866f, PIO2_2 = -4.3711388286737929e-8f, PIO2_3 = -1.7151245100059e-15f;
    static final float TWO_OVER_PI = 0.636619772367581343f;
    /** Beyond this, sin and cos take Math's (the reduction by pi/2 in float loses accuracy). */
    static final float LARGE = 65536f;
    static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
        1.6666665459e-1f, 5.0000001201e-1f};
    static final float S1 = -1.9515295891e-4f, S2 = 8.3321608736e-3f, S3 = -1.6666654611e-1f;
    static final float C1 = 2.443315711809948e-5f, C2 = -1.388731625493765e-3f, C3 = 4.166664568298827e-2f;

    private ScalarMath() {}

    /** e^x. */
    public static float exp(float x) {
        float c = Math.min(Math.max(x, -104f), 89f);
        float n = c * LOG2E + ROUND - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = EXP_POLY[0];
        for (int i = 1; i < EXP_POLY.length; i++) p = Math.fma(p, r, EXP_POLY[i]);
        p = Math.fma(p, r * r, r) + 1f;
        int k = (int) n, k1 = k >> 1, k2 = k - k1;
        return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k2 + 127) << 23);
    }

    /** sin x. */
    public static float sin(float x) { return sinCos(x, 0); }

    /** cos x. */
    public static float cos(float x) { return sinCos(x, 1); }

    static float sinCos(float x, int shift) {
        if (Math.abs(x) > LARGE) return (float) (shift == 0 ? Math.sin(x) : Math.cos(x));
        float q = x * TWO_OVER_PI + ROUND - ROUND;
        float r = Math.fma(q, -PIO2_1, x);
        r = Math.fma(q, -PIO2_2, r);
        r = Math.fma(q, -PIO2_3, r);
        float z = r * r;
        float s = Math.fma(Math.fma(Math.fma(S1, z, S2), z, S3) * z, r, r);
        float cz = Math.fma(Math.fma(C1, z, C2), z, C3) * z * z;
        float co = Math.fma(z, -0.5f, 1f) + cz;
        int qi = (int) q + shift;
        float v = (qi & 1) != 0 ? co : s;
        return (qi & 2) != 0 ? -v : v;
    }
}
