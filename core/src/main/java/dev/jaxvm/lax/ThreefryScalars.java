package dev.jaxvm.lax;

import dev.jaxvm.core.XlaFloat32;
import dev.jaxvm.core.XlaFloat64;

/**
 * Scalar threefry2x32 key operations and float32 draws in plain Java, for primitives whose
 * evaluation loops per element ({@link RandomGamma}): the same results as the lax-level functions of
 * {@code dev.jaxvm.random} for one key and a scalar shape, in both partitionable modes.
 */
final class ThreefryScalars {
    private ThreefryScalars() {}

    /** {@code split(key, n)}: {@code n} keys, key j at {@code [2j, 2j + 1]}. */
    static int[] split(int k0, int k1, int n, boolean partitionable) {
        int[] out = new int[2 * n];
        int[] y = new int[2];
        if (partitionable) {
            for (int i = 0; i < n; i++) {
                Threefry2x32.block(k0, k1, 0, i, y);
                out[2 * i] = y[0];
                out[2 * i + 1] = y[1];
            }
            return out;
        }
        // hash of iota(2n): counter i pairs with i + n, output Y0 followed by Y1
        for (int i = 0; i < n; i++) {
            Threefry2x32.block(k0, k1, i, i + n, y);
            out[i] = y[0];
            out[n + i] = y[1];
        }
        return out;
    }

    /** {@code random_bits(key, 32, ())}. */
    static int bits32(int k0, int k1, boolean partitionable) {
        int[] y = new int[2];
        Threefry2x32.block(k0, k1, 0, 0, y);
        return partitionable ? y[0] ^ y[1] : y[0];
    }

    /** {@code uniform(key, (), float32)} on {@code [0, 1)}. */
    static float uniform(int k0, int k1, boolean partitionable) {
        return Float.intBitsToFloat((bits32(k0, k1, partitionable) >>> 9) | 0x3F800000) - 1f;
    }

    private static final float NORMAL_LO = Math.nextUp(-1f);

    /** {@code normal(key, (), float32)}. */
    static float normal(int k0, int k1, boolean partitionable) {
        float f = uniform(k0, k1, partitionable);
        float u = Math.max(NORMAL_LO, f * 2f + NORMAL_LO);
        return XlaFloat32.SQRT2 * XlaFloat32.erfInv(u);
    }

    /** {@code random_bits(key, 64, ())}: the high word first. */
    static long bits64(int k0, int k1, boolean partitionable) {
        int[] y = new int[2];
        Threefry2x32.block(k0, k1, 0, partitionable ? 0 : 1, y);
        return ((long) y[0] << 32) | (y[1] & 0xFFFFFFFFL);
    }

    /** {@code uniform(key, (), float64)} on {@code [0, 1)}. */
    static double uniform64(int k0, int k1, boolean partitionable) {
        return Double.longBitsToDouble((bits64(k0, k1, partitionable) >>> 12) | 0x3FF0000000000000L) - 1.0;
    }

    private static final double NORMAL_LO64 = Math.nextUp(-1.0);

    /** {@code normal(key, (), float64)}. */
    static double normal64(int k0, int k1, boolean partitionable) {
        double u = Math.max(NORMAL_LO64, uniform64(k0, k1, partitionable) * 2.0 + NORMAL_LO64);
        return Math.sqrt(2) * XlaFloat64.erfInv(u);
    }

    /** {@code exponential(key, (), float64)}. */
    static double exponential64(int k0, int k1, boolean partitionable) {
        return -XlaFloat64.log1p(-uniform64(k0, k1, partitionable));
    }

    /** {@code exponential(key, (), float32)}: {@code -log1p(-u)}. */
    static float exponential(int k0, int k1, boolean partitionable) {
        return -XlaFloat32.log1p(-uniform(k0, k1, partitionable));
    }
}
