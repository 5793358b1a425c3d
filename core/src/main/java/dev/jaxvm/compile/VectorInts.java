package dev.jaxvm.compile;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * int32 and uint32 lane helpers for SIMD kernels ({@link VectorEmitter}): iota counters and lax's
 * shifts, whose amounts outside [0, 32) give 0 (or the sign for an arithmetic right shift) where Java
 * and the Vector API would mask the amount. (The threefry2x32 hash is written into kernels by
 * {@link ThreefryEmitter#vector}.) Loaded only when {@code jdk.incubator.vector} is present.
 */
public final class VectorInts {
    /** {@code 0, 1, ..., 7}: kernels add the loop index to it (a call of {@link #iota} may be left out of line). */
    static final IntVector IOTA = IntVector.zero(IntVector.SPECIES_256).addIndex(1);
    private static final IntVector WIDTH = IntVector.broadcast(IntVector.SPECIES_256, 32);
    private static final IntVector ZERO = IntVector.zero(IntVector.SPECIES_256);

    private static final int PARITY = 0x1BD11BDA;

    private VectorInts() {}

    private static final int[] ROTATIONS = {13, 15, 26, 6, 17, 29, 16, 24};

    /** Word y0 of the Threefry-2x32 block (20 rounds) of key {@code (k0, k1)} and counter {@code (x0, x1)}. */
    public static IntVector threefry0(IntVector k0, IntVector k1, IntVector x0, IntVector x1) {
        return threefry(k0, k1, x0, x1, 0);
    }

    /** Word y1 of the block. */
    public static IntVector threefry1(IntVector k0, IntVector k1, IntVector x0, IntVector x1) {
        return threefry(k0, k1, x0, x1, 1);
    }

    /** {@code y0 ^ y1} of the block (JAX's partitionable bits): one hash for both words. */
    public static IntVector threefryXor(IntVector k0, IntVector k1, IntVector x0, IntVector x1) {
        return threefry(k0, k1, x0, x1, 2);
    }

    /**
     * The 20 rounds as a loop: a small method that C2 inlines whole (written out, the rounds exceed its
     * inlining limits, and an out-of-line call boxes its vectors). {@code out}: 0 y0, 1 y1, 2 y0 ^ y1.
     */
    private static IntVector threefry(IntVector k0, IntVector k1, IntVector x0, IntVector x1, int out) {
        IntVector k2 = k0.lanewise(VectorOperators.XOR, k1).lanewise(VectorOperators.XOR, PARITY);
        IntVector a = x0.add(k0), b = x1.add(k1);
        for (int g = 1; g <= 5; g++) {
            int r0 = (g - 1) % 2 * 4;
            for (int j = 0; j < 4; j++) {
                a = a.add(b);
                b = b.lanewise(VectorOperators.ROL, ROTATIONS[r0 + j]).lanewise(VectorOperators.XOR, a);
            }
            IntVector ka = g % 3 == 0 ? k0 : g % 3 == 1 ? k1 : k2;
            IntVector kb = g % 3 == 0 ? k1 : g % 3 == 1 ? k2 : k0;
            a = a.add(ka);
            b = b.add(kb).add(g);
        }
        return out == 0 ? a : out == 1 ? b : a.lanewise(VectorOperators.XOR, b);
    }

    /** Rotation (C2 expands it into two shifts and an or on AVX2, which has no vector rotate). */
    private static IntVector rotl(IntVector v, int r) { return v.lanewise(VectorOperators.ROL, r); }

    /** {@code base, base + 1, ..., base + 7}. */
    public static IntVector iota(int base) { return IOTA.add(base); }

    private static VectorMask<Integer> outOfRange(IntVector n) { return n.compare(VectorOperators.UGE, WIDTH); }

    /** lax's {@code shift_left}. */
    public static IntVector shiftLeft(IntVector a, IntVector n) {
        return a.lanewise(VectorOperators.LSHL, n).blend(ZERO, outOfRange(n));
    }

    /** lax's {@code shift_right_logical}. */
    public static IntVector shiftRightLogical(IntVector a, IntVector n) {
        return a.lanewise(VectorOperators.LSHR, n).blend(ZERO, outOfRange(n));
    }

    /** lax's {@code shift_right_arithmetic} on int32 lanes. */
    public static IntVector shiftRightArithmetic(IntVector a, IntVector n) {
        return a.lanewise(VectorOperators.ASHR, n).blend(a.lanewise(VectorOperators.ASHR, 31), outOfRange(n));
    }
}
