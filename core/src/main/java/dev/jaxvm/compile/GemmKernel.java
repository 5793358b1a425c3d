package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 micro-kernels and packing routines of {@link GemmBlocked}, with the Vector API at the
 * machine's preferred width: an MR x NR tile of C (NR = two vectors) held in registers while k runs,
 * each step two loads of packed B, MR broadcasts of packed A and 2 MR fused multiply-adds. With 512-bit
 * vectors (32 registers) MR is 12 (24 accumulators), else 6 (12 accumulators). Loaded only when
 * {@code jdk.incubator.vector} is present.
 *
 * <p>Every element of C is {@code fma(a[p], b[p], c)} over p in increasing order, starting from 0 (or
 * from the partial sum stored by the previous k block), so the result is the same whatever the
 * blocking, the tile an element falls in, or the number of threads.
 */
final class GemmKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** The lanes of one vector. */
    static final int W = F.length();
    /** The columns of one tile (and of one packed panel of B). */
    static final int NR = 2 * W;
    /** The rows of one tile (and of one packed micro-panel of A). */
    static final int MR = W >= 16 ? 12 : 6;
    /** The first MR lanes. */
    private static final VectorMask<Float> FIRST_MR = F.indexInRange(0, MR);

    private GemmKernel() {}

    /**
     * Packs rows {@code [i0, i0 + rows)} and columns {@code [p0, p0 + kc)} of A (element (i, p) at
     * {@code a[ao + i * rs + p * cs]}) into micro-panels of MR rows: {@code dst[(ip * kc + p) * MR + r]},
     * zero rows past the end.
     */
    static void packA(float[] a, int ao, int rs, int cs, int i0, int rows, int p0, int kc, float[] dst) {
        for (int ip = 0; ip * MR < rows; ip++) {
            int base = ip * kc * MR, r1 = Math.min(MR, rows - ip * MR);
            if (rs == 1) {
                // a transposed A (a weight gradient's x^T): each step of k is MR consecutive floats
                int src = ao + i0 + ip * MR + p0 * cs;
                if (r1 == MR) {
                    // a masked vector copy: System.arraycopy's stub call costs more than 12 floats
                    for (int p = 0; p < kc; p++, src += cs) {
                        FloatVector.fromArray(F, a, src, FIRST_MR).intoArray(dst, base + p * MR, FIRST_MR);
                    }
                    continue;
                }
                for (int p = 0; p < kc; p++, src += cs) {
                    System.arraycopy(a, src, dst, base + p * MR, r1);
                    for (int r = r1; r < MR; r++) dst[base + p * MR + r] = 0f;
                }
                continue;
            }
            if (cs == 1 && r1 == MR && W >= MR) {
                // rows of A: one gather of the MR rows' elements per step of k, one masked store
                int[] offsets = new int[W];
                for (int r = 0; r < MR; r++) offsets[r] = r * rs;
                int src = ao + (i0 + ip * MR) * rs + p0;
                for (int p = 0; p < kc; p++) {
                    FloatVector.fromArray(F, a, src + p, offsets, 0, FIRST_MR).intoArray(dst, base + p * MR, FIRST_MR);
                }
                continue;
            }
            for (int r = 0; r < MR; r++) {
                if (r >= r1) {
                    for (int p = 0; p < kc; p++) dst[base + p * MR + r] = 0f;
                    continue;
                }
                int src = ao + (i0 + ip * MR + r) * rs + p0 * cs;
                for (int p = 0; p < kc; p++, src += cs) dst[base + p * MR + r] = a[src];
            }
        }
    }

    /**
     * Packs columns {@code [jp * NR, jp * NR + NR)} of B (element (p, j) at {@code b[bo + p * rs + j * cs]},
     * k rows, n columns) into {@code dst[off + p * NR + c]}, zero columns past n.
     */
    static void packB(float[] b, int bo, int rs, int cs, int k, int n, int jp, float[] dst, int off) {
        int j0 = jp * NR, cols = Math.min(NR, n - j0);
        if (cs == 1 && cols == NR) {
            for (int p = 0, src = bo + j0, d = off; p < k; p++, src += rs, d += NR) {
                FloatVector.fromArray(F, b, src).intoArray(dst, d);
                FloatVector.fromArray(F, b, src + W).intoArray(dst, d + W);
            }
            return;
        }
        for (int c = 0; c < NR; c++) {
            int d = off + c;
            if (c >= cols) {
                for (int p = 0; p < k; p++, d += NR) dst[d] = 0f;
                continue;
            }
            int src = bo + (j0 + c) * cs;
            for (int p = 0; p < k; p++, src += rs, d += NR) dst[d] = b[src];
        }
    }

    /**
     * The MR x NR tile {@code c[co + r * ldc + j]} += A's micro-panel at {@code ai} times B's at
     * {@code bi}, over kc steps; {@code accumulate} false starts from zero.
     */
    static void tile(float[] a, int ai, float[] b, int bi, int kc, float[] c, int co, int ldc, boolean accumulate) {
        if (MR == 12) tile12(a, ai, b, bi, kc, c, co, ldc, accumulate);
        else tile6(a, ai, b, bi, kc, c, co, ldc, accumulate);
    }

    private static FloatVector load(boolean accumulate, float[] c, int o) {
        return accumulate ? FloatVector.fromArray(F, c, o) : FloatVector.zero(F);
    }

    private static void tile12(float[] a, int ai, float[] b, int bi, int kc, float[] c, int co, int ldc, boolean acc) {
        int w = W;
        FloatVector c00 = load(acc, c, co), c01 = load(acc, c, co + w);
        FloatVector c10 = load(acc, c, co + ldc), c11 = load(acc, c, co + ldc + w);
        FloatVector c20 = load(acc, c, co + 2 * ldc), c21 = load(acc, c, co + 2 * ldc + w);
        FloatVector c30 = load(acc, c, co + 3 * ldc), c31 = load(acc, c, co + 3 * ldc + w);
        FloatVector c40 = load(acc, c, co + 4 * ldc), c41 = load(acc, c, co + 4 * ldc + w);
        FloatVector c50 = load(acc, c, co + 5 * ldc), c51 = load(acc, c, co + 5 * ldc + w);
        FloatVector c60 = load(acc, c, co + 6 * ldc), c61 = load(acc, c, co + 6 * ldc + w);
        FloatVector c70 = load(acc, c, co + 7 * ldc), c71 = load(acc, c, co + 7 * ldc + w);
        FloatVector c80 = load(acc, c, co + 8 * ldc), c81 = load(acc, c, co + 8 * ldc + w);
        FloatVector c90 = load(acc, c, co + 9 * ldc), c91 = load(acc, c, co + 9 * ldc + w);
        FloatVector ca0 = load(acc, c, co + 10 * ldc), ca1 = load(acc, c, co + 10 * ldc + w);
        FloatVector cb0 = load(acc, c, co + 11 * ldc), cb1 = load(acc, c, co + 11 * ldc + w);
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * 2 * w, ap = ai + p * 12;
            FloatVector b0 = FloatVector.fromArray(F, b, bp), b1 = FloatVector.fromArray(F, b, bp + w);
            FloatVector x = FloatVector.broadcast(F, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, a[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = FloatVector.broadcast(F, a[ap + 8]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = FloatVector.broadcast(F, a[ap + 9]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = FloatVector.broadcast(F, a[ap + 10]);
            ca0 = x.fma(b0, ca0);
            ca1 = x.fma(b1, ca1);
            x = FloatVector.broadcast(F, a[ap + 11]);
            cb0 = x.fma(b0, cb0);
            cb1 = x.fma(b1, cb1);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + w);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + w);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + w);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + w);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + w);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + w);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + w);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + w);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + w);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + w);
        ca0.intoArray(c, co + 10 * ldc);
        ca1.intoArray(c, co + 10 * ldc + w);
        cb0.intoArray(c, co + 11 * ldc);
        cb1.intoArray(c, co + 11 * ldc + w);
    }

    private static void tile6(float[] a, int ai, float[] b, int bi, int kc, float[] c, int co, int ldc, boolean acc) {
        int w = W;
        FloatVector c00 = load(acc, c, co), c01 = load(acc, c, co + w);
        FloatVector c10 = load(acc, c, co + ldc), c11 = load(acc, c, co + ldc + w);
        FloatVector c20 = load(acc, c, co + 2 * ldc), c21 = load(acc, c, co + 2 * ldc + w);
        FloatVector c30 = load(acc, c, co + 3 * ldc), c31 = load(acc, c, co + 3 * ldc + w);
        FloatVector c40 = load(acc, c, co + 4 * ldc), c41 = load(acc, c, co + 4 * ldc + w);
        FloatVector c50 = load(acc, c, co + 5 * ldc), c51 = load(acc, c, co + 5 * ldc + w);
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * 2 * w, ap = ai + p * 6;
            FloatVector b0 = FloatVector.fromArray(F, b, bp), b1 = FloatVector.fromArray(F, b, bp + w);
            FloatVector x = FloatVector.broadcast(F, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + w);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + w);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + w);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + w);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + w);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + w);
    }
}
