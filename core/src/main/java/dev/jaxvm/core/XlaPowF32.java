package dev.jaxvm.core;

/**
 * XLA:CPU's float32 {@code pow}, bit for bit: XLA lowers {@code pow} to LLVM's {@code llvm.pow}
 * intrinsic, which its CPU backend links to the host C library's {@code powf}; on jaxlib's Linux
 * x86-64 that is glibc's (2.28 and later) table-driven {@code powf}, in the variant glibc selects on
 * CPUs with FMA. This class repeats that operation sequence in double precision: {@code log2(x)} from a
 * 16-entry table and a degree-5 polynomial, then {@code exp2(y log2 x)} from a 32-entry table and a
 * cubic, with fused multiply-adds where the FMA build of glibc has them. The table values are the
 * ones in the library's data section (read from libm.so.6, glibc 2.36).
 *
 * {@snippet :
 * float b = XlaPowF32.pow(0.25f, 1f / 0.3f);  // what jax.lax.pow gives on CPU
 * }
 */
public final class XlaPowF32 {
    private XlaPowF32() {}

    /** {@code (1/c, log2 c)} for the 16 subintervals of {@code [0x3f330000, 2*0x3f330000]}. */
    private static final double[] LOG2_TAB = {
        0x1.661ec79f8f3bep+0, -0x1.efec65b963019p-2, 0x1.571ed4aaf883dp+0, -0x1.b0b6832d4fca4p-2,
        0x1.49539f0f010b0p+0, -0x1.7418b0a1fb77bp-2, 0x1.3c995b0b80385p+0, -0x1.39de91a6dcf7bp-2,
        0x1.30d190c8864a5p+0, -0x1.01d9bf3f2b631p-2, 0x1.25e227b0b8ea0p+0, -0x1.97c1d1b3b7af0p-3,
        0x1.1bb4a4a1a343fp+0, -0x1.2f9e393af3c9fp-3, 0x1.12358f08ae5bap+0, -0x1.960cbbf788d5cp-4,
        0x1.0953f419900a7p+0, -0x1.a6f9db6475fcep-5, 0x1.0000000000000p+0, 0x0.0p+0,
        0x1.e608cfd9a47acp-1, 0x1.338ca9f24f53dp-4, 0x1.ca4b31f026aa0p-1, 0x1.476a9543891bap-3,
        0x1.b2036576afce6p-1, 0x1.e840b4ac4e4d2p-3, 0x1.9c2d163a1aa2dp-1, 0x1.40645f0c6651cp-2,
        0x1.886e6037841edp-1, 0x1.88e9c2c1b9ff8p-2, 0x1.767dcf5534862p-1, 0x1.ce0a44eb17bccp-2,
    };
    private static final double A0 = 0x1.27616c9496e0bp-2;
    private static final double A1 = -0x1.71969a075c67ap-2;
    private static final double A2 = 0x1.ec70a6ca7baddp-2;
    private static final double A3 = -0x1.7154748bef6c8p-1;
    private static final double A4 = 0x1.71547652ab82bp+0;
    private static final int OFF = 0x3f330000;

    /** {@code bits(2^(i/32)) - (i << 47)}. */
    private static final long[] EXP2_TAB = {
        0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
        0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
        0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
        0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
        0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
        0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
        0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
        0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L,
    };
    private static final double SHIFT = 0x1.8p+47;
    private static final double C0 = 0x1.c6af84b912394p-5;
    private static final double C1 = 0x1.ebfce50fac4f3p-3;
    private static final double C2 = 0x1.62e42ff0c52d6p-1;
    private static final long SIGN_BIAS = 1L << 16;
    /** x86's default NaN, what {@code (x - x) / (x - x)} gives for a negative base and a non-integer exponent. */
    private static final float INVALID = Float.intBitsToFloat(0xffc00000);

    /** XLA:CPU's float32 {@code x ** y}. */
    public static float pow(float x, float y) {
        int ix = Float.floatToRawIntBits(x);
        int iy = Float.floatToRawIntBits(y);
        long signBias = 0;
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0 || zeroInfNan(iy)) {
            if (zeroInfNan(iy)) {
                if (2 * iy == 0) return 1f;
                if (ix == 0x3f800000) return 1f;
                if (Integer.compareUnsigned(2 * ix, 2 * 0x7f800000) > 0
                        || Integer.compareUnsigned(2 * iy, 2 * 0x7f800000) > 0) {
                    return x + y;
                }
                if (2 * ix == 2 * 0x3f800000) return 1f;
                if ((Integer.compareUnsigned(2 * ix, 2 * 0x3f800000) < 0) == (iy >= 0)) return 0f;
                return y * y;
            }
            if (zeroInfNan(ix)) {
                float x2 = x * x;
                if (ix < 0 && checkInt(iy) == 1) x2 = -x2;
                return iy < 0 ? 1 / x2 : x2;
            }
            if (ix < 0) {
                int yint = checkInt(iy);
                if (yint == 0) return INVALID;
                if (yint == 1) signBias = SIGN_BIAS;
                ix &= 0x7fffffff;
            }
            if (ix < 0x00800000) {
                // glibc normalises a subnormal x by x * 2^23; XLA:CPU runs with denormals-are-zero, so
                // the product is zero and the exponent arithmetic goes on from there, as on the hardware
                ix = 0;
                ix -= 23 << 23;
            }
        }
        double ylogx = y * log2(ix);
        long top = (Double.doubleToRawLongBits(ylogx) >>> 47) & 0xffff;
        if (top >= (Double.doubleToRawLongBits(126.0) >>> 47)) {
            float sign = signBias != 0 ? -1f : 1f;
            if (ylogx > 0x1.fffffffd1d571p+6) return sign * Float.POSITIVE_INFINITY;
            if (ylogx <= -150.0) return sign * 0f;
        }
        return exp2(ylogx, signBias);
    }

    private static boolean zeroInfNan(int i) {
        return Integer.compareUnsigned(2 * i - 1, 2 * 0x7f800000 - 1) >= 0;
    }

    /** 0: not an integer, 1: odd integer, 2: even integer. */
    private static int checkInt(int iy) {
        int e = (iy >>> 23) & 0xff;
        if (e < 0x7f) return 0;
        if (e > 0x7f + 23) return 2;
        if ((iy & ((1 << (0x7f + 23 - e)) - 1)) != 0) return 0;
        if ((iy & (1 << (0x7f + 23 - e))) != 0) return 1;
        return 2;
    }

    private static double log2(int ix) {
        int tmp = ix - OFF;
        int i = (tmp >>> (23 - 4)) % 16;
        int top = tmp & 0xff800000;
        int iz = ix - top;
        int k = top >> 23;
        double invc = LOG2_TAB[2 * i];
        double logc = LOG2_TAB[2 * i + 1];
        double z = Float.intBitsToFloat(iz);
        double r = Math.fma(z, invc, -1.0);
        double y0 = logc + (double) k;
        double r2 = r * r;
        double y = Math.fma(A0, r, A1);
        double p = Math.fma(A2, r, A3);
        double r4 = r2 * r2;
        double q = Math.fma(A4, r, y0);
        q = Math.fma(p, r2, q);
        return Math.fma(y, r4, q);
    }

    private static float exp2(double xd, long signBias) {
        double kd = xd + SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = xd - kd;
        long t = EXP2_TAB[(int) (ki & 31)];
        long ski = ki + signBias;
        t += ski << (52 - 5);
        double s = Double.longBitsToDouble(t);
        double z = Math.fma(C0, r, C1);
        double r2 = r * r;
        double y = Math.fma(C2, r, 1.0);
        y = Math.fma(z, r2, y);
        float f = (float) (y * s);
        // XLA:CPU runs with flush-to-zero: a subnormal result is a signed zero
        return Math.abs(f) < Float.MIN_NORMAL ? f * 0f : f;
    }
}
