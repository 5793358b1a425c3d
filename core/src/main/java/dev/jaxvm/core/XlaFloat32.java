package dev.jaxvm.core;

/**
 * float32 transcendental functions computed exactly as XLA:CPU (jaxlib 0.10.2, x86-64 with FMA)
 * computes them, operation by operation, so that jaxvm gives JAX's CPU numbers bit for bit: the
 * Cephes {@code log}, the rational {@code log1p}, Giles' {@code erf_inv} and the rational
 * {@code erf}, with fused multiply-adds exactly where LLVM contracts them
 * (/work/shared/reference/prng/SPEC.md section 9).
 *
 * {@snippet :
 * float n = (float) (XlaFloat32.SQRT2 * XlaFloat32.erfInv(0.5f));  // the bits JAX's normal gives
 * }
 */
public final class XlaFloat32 {
    private XlaFloat32() {}

    /** float32 {@code sqrt(2)} (0x3FB504F3). */
    public static final float SQRT2 = Float.intBitsToFloat(0x3FB504F3);

    private static final float[] LOG_P = floats(0x3D9021BB, 0xBDEBD1B8, 0x3DEF251A, 0xBDFE5D4F, 0x3E11E9BF,
            0xBE2AAE50, 0x3E4CCEAC, 0xBE7FFFFC, 0x3EAAAAAA);
    /** log's constants, public for the SIMD form of the same sequence ({@code compile.VectorMath}). */
    public static final float LOG_Q1 = Float.intBitsToFloat(0xB95E8083);
    /** See {@link #LOG_Q1}. */
    public static final float LOG_Q2 = Float.intBitsToFloat(0x3F318000);
    /** See {@link #LOG_Q1}. */
    public static final float SQRT_HALF = Float.intBitsToFloat(0x3F3504F3);

    private static final float[] LOG1P_NUM = {4.5270000862445199635215E-5f, 4.9854102823193375972212E-1f,
            6.5787325942061044846969E0f, 2.9911919328553073277375E1f, 6.0949667980987787057556E1f,
            5.7112963590585538103336E1f, 2.0039553499201281259648E1f};
    private static final float[] LOG1P_DEN = {1f, 1.5062909083469192043167E1f, 8.3047565967967209469434E1f,
            2.2176239823732856465394E2f, 3.0909872225312059774938E2f, 2.1642788614495947685003E2f,
            6.0118660497603843919306E1f};
    /** Below this magnitude log1p takes its rational form (public for the SIMD form). */
    public static final float LOG1P_SMALL = Float.intBitsToFloat(0x3ED413CD);

    private static final float[] ERF_INV_LT5 = {2.81022636e-08f, 3.43273939e-07f, -3.5233877e-06f,
            -4.39150654e-06f, 0.00021858087f, -0.00125372503f, -0.00417768164f, 0.246640727f, 1.50140941f};
    private static final float[] ERF_INV_GE5 = {-0.000200214257f, 0.000100950558f, 0.00134934322f,
            -0.00367342844f, 0.00573950773f, -0.0076224613f, 0.00943887047f, 1.00167406f, 2.83297682f};

    private static final float[] ERF_P = floats(0x39702D51, 0x3B5F5DA2, 0x3D50B6EB, 0x3E3DA740, 0x3F906EBA);
    private static final float[] ERF_Q = floats(0xB3FD3906, 0x37C588DF, 0x3A856D28, 0x3C6687D4, 0x3DE34C21,
            0x3EFEB44A, 0x3F800000);
    private static final float ERF_SATURATE = Float.intBitsToFloat(0x407547CB);

    /**
     * A copy of one coefficient table, for SIMD forms of these sequences ({@code compile.VectorMath}),
     * which must use the same constants in the same order.
     */
    public enum Table {
        /** log's polynomial, highest degree first. */ LOG_P,
        /** log1p's numerator, highest degree first. */ LOG1P_NUM,
        /** log1p's denominator, highest degree first. */ LOG1P_DEN,
        /** erf_inv's polynomial for w < 5. */ ERF_INV_LT5,
        /** erf_inv's polynomial for w >= 5. */ ERF_INV_GE5;

        /** The coefficients (a fresh copy). */
        public float[] coefficients() {
            return switch (this) {
                case LOG_P -> XlaFloat32.LOG_P.clone();
                case LOG1P_NUM -> XlaFloat32.LOG1P_NUM.clone();
                case LOG1P_DEN -> XlaFloat32.LOG1P_DEN.clone();
                case ERF_INV_LT5 -> XlaFloat32.ERF_INV_LT5.clone();
                case ERF_INV_GE5 -> XlaFloat32.ERF_INV_GE5.clone();
            };
        }
    }

    private static float[] floats(int... bits) {
        float[] f = new float[bits.length];
        for (int i = 0; i < bits.length; i++) f[i] = Float.intBitsToFloat(bits[i]);
        return f;
    }

    /** XLA:CPU's float32 natural logarithm. */
    public static float log(float y) {
        if (Float.isNaN(y) || y < 0) return Float.NaN;
        if (y == 0) return Float.NEGATIVE_INFINITY;
        if (y == Float.POSITIVE_INFINITY) return y;
        float ym = Math.max(y, Float.MIN_NORMAL);
        int b = Float.floatToRawIntBits(ym);
        int e = (b >>> 23) - 127;
        float m = Float.intBitsToFloat((b & 0x807FFFFF) | 0x3F000000);
        float ef = (float) e + 1f;
        float x;
        if (m < SQRT_HALF) {
            ef = ef - 1f;
            x = (m - 1f) + m;
        } else {
            x = (m - 1f) + 0f;
        }
        float z = x * x;
        float x3 = z * x;
        float[] p = LOG_P;
        float y1 = Math.fma(Math.fma(x, p[0], p[1]), x, p[2]);
        float y2 = Math.fma(Math.fma(x, p[3], p[4]), x, p[5]);
        float y3 = Math.fma(Math.fma(x, p[6], p[7]), x, p[8]);
        float r = Math.fma(Math.fma(y1, x3, y2), x3, y3);
        r = Math.fma(r, x3, ef * LOG_Q1);
        float t = Math.fma(-z, 0.5f, x);
        t = t + r;
        return Math.fma(ef, LOG_Q2, t);
    }

    /** XLA:CPU's float32 {@code log1p}. */
    public static float log1p(float x) {
        if (!(Math.abs(x) < LOG1P_SMALL)) return log(x + 1f);
        float x2 = x * x;
        float den = 0f;
        for (float c : LOG1P_DEN) den = Math.fma(den, x, c);
        float num = 0f;
        for (float c : LOG1P_NUM) num = Math.fma(num, x, c);
        float q = num / den;
        float s = Math.fma(x2, -0.5f, (x * x2) * q);
        return x + s;
    }

    /** XLA's float32 {@code erf_inv} (Giles' single-precision approximation). */
    public static float erfInv(float x) {
        float w = -log1p(x * -x);
        float t;
        float[] c;
        if (w < 5f) {
            t = w - 2.5f;
            c = ERF_INV_LT5;
        } else {
            t = (float) Math.sqrt(w) - 3f;
            c = ERF_INV_GE5;
        }
        float p = c[0];
        for (int i = 1; i < c.length; i++) p = Math.fma(p, t, c[i]);
        return Math.abs(x) == 1f ? x * Float.POSITIVE_INFINITY : p * x;
    }

    /** XLA:CPU's float32 {@code erf}. */
    public static float erf(float x) {
        if (Math.abs(x) >= ERF_SATURATE) return Math.copySign(1f, x);
        float x2 = x * x;
        float p = Math.fma(x2, ERF_P[0], ERF_P[1]);
        for (int i = 2; i < ERF_P.length; i++) p = Math.fma(x2, p, ERF_P[i]);
        float num = x * p;
        float q = Math.fma(x2, ERF_Q[0], ERF_Q[1]);
        for (int i = 2; i < ERF_Q.length; i++) q = Math.fma(x2, q, ERF_Q[i]);
        return num / q;
    }
}
