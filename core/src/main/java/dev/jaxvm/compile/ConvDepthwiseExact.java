package dev.jaxvm.compile;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 depthwise rows of {@link Conv2d} summed exactly as the reference evaluation sums them,
 * with the Vector API, channels last: each input row (float32, or the uint8 image of
 * {@link ConvPrologue}) is converted once per thread into a ring of {@code kh + 2} double rows; over
 * the interior columns four vectors of double accumulators per output row (two or three rows per pass
 * when the channel count divides the vector length: each input vector loaded once feeds them all) stay in
 * registers while every valid tap, in row-major order, adds its product with a double fused
 * multiply-add. A product of two floats is exact in double, so each step rounds once, exactly as the
 * reference's {@code acc += (double) x * (double) w}; the sum is rounded to float32 once. Border
 * columns and tails take the same double sums one element at a time. Every output therefore equals
 * the reference evaluation bit for bit, whichever path or thread computed it. Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class ConvDepthwiseExact {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as the doubles of {@link #D}: the shape a vector of sums is rounded into. */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Vectors of outputs kept in registers per row and step. */
    private static final int UNROLL = 4;

    /**
     * Three output rows per pass (12 accumulators) where the vector registers are 512 bits wide (32 of
     * them on AVX-512; ~15% faster than pairs there), else two (8 accumulators fit AVX2's 16).
     */
    private static final boolean TRIPLES = D.vectorBitSize() >= 512;

    private ConvDepthwiseExact() {}

    /** The output buffer of {@code g} for input {@code lhs} (a float[] or a byte[] of uint8) and weights {@code rhs}. */
    static float[] run(Conv2d g, Object lhs, float[] rhs, int size, int rows, long work) {
        float[] dst = new float[size];
        run(g, lhs, rhs, dst, rows, work);
        return dst;
    }

    /** {@link #run(Conv2d, Object, float[], int, int, long)} into {@code dst}, a float[] or an int[] (exact integer sums). */
    static void run(Conv2d g, Object lhs, float[] rhs, Object dst, int rows, long work) {
        int kh = g.kh(), kw = g.kw(), c = g.c(), taps = kh * kw, h = g.h(), oh = g.oh(), rowLen = g.w() * c;
        double[] wd = new double[rhs.length];
        for (int i = 0; i < wd.length; i++) wd[i] = rhs[i];
        int p = period(c), len = p + UNROLL * D.length();
        double[] wt = new double[taps * len];
        for (int t = 0; t < taps; t++) for (int j = 0; j < len; j++) wt[t * len + j] = wd[t * c + j % c];
        Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
            int[] inOff = new int[taps], wOff = new int[taps], tapW = new int[taps], kxOf = new int[taps];
            int[] rowBase = new int[kh + 2];
            double[] ring = new double[(kh + 2) * rowLen];
            int[] slotKey = new int[kh + 2];
            java.util.Arrays.fill(slotKey, -1);
            int most = p != D.length() ? 1 : TRIPLES ? 3 : 2;   // output rows per interior pass
            int groupEnd = -1, groupStop = 0;   // the rows whose interior the current group already computed, and where it stopped
            for (int row = lo; row < hi; row++) {
                int b = row / oh, y = row % oh, m = 0;
                int group = row < groupEnd ? 0 : Math.min(most, Math.min(hi - row, oh - y));
                int iy0 = y - g.padTop();
                for (int r = 0; r < kh + Math.max(0, group - 1); r++) {
                    int iy = iy0 + r;
                    if (iy >= 0 && iy < h) rowBase[r] = convert(lhs, ring, slotKey, b * h + iy, rowLen);
                }
                for (int ky = 0; ky < kh; ky++) {
                    int iy = iy0 + ky;
                    if (iy < 0 || iy >= h) continue;
                    for (int kx = 0; kx < kw; kx++) {
                        int tap = ky * kw + kx;
                        inOff[m] = rowBase[ky] + (kx - g.padLeft()) * c;
                        wOff[m] = tap * len;
                        tapW[m] = tap * c;
                        kxOf[m++] = kx;
                    }
                }
                int out = row * g.ow() * c, rowSize = g.ow() * c, from;
                if (group == 0) from = groupStop;
                else if (group == 3) {
                    from = groupStop = rowTriple(g, ring, wt, dst, out, out + rowSize, out + 2 * rowSize, y, rowBase, len);
                    groupEnd = row + 3;
                } else if (group == 2) {
                    from = groupStop = rowPair(g, ring, wt, dst, out, out + rowSize, y, rowBase, len);
                    groupEnd = row + 2;
                } else from = interiorStart(g);
                row(g, ring, wd, wt, dst, out, inOff, wOff, tapW, kxOf, m, from, p);
            }
        });
    }

    /** The weight-tile period for {@code c} channels: a multiple of {@code c} and of the vector length. */
    private static int period(int c) { return c * D.length() / gcd(c, D.length()); }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /** The ring offset of image row {@code key} (batch * h + row), converting it to double if not there yet. */
    private static int convert(Object lhs, double[] ring, int[] slotKey, int key, int rowLen) {
        int slot = key % slotKey.length, at = slot * rowLen;
        if (slotKey[slot] != key) {
            int from = key * rowLen;
            if (lhs instanceof float[] f) for (int j = 0; j < rowLen; j++) ring[at + j] = f[from + j];
            else {
                byte[] u = (byte[]) lhs;
                for (int j = 0; j < rowLen; j++) ring[at + j] = u[from + j] & 0xFF;
            }
            slotKey[slot] = key;
        }
        return at;
    }

    /** The first flat position of the interior. */
    private static int interiorStart(Conv2d g) { return Math.min(g.ow(), g.padLeft()) * g.c(); }

    /** One past the last flat position of the interior. */
    private static int interiorEnd(Conv2d g) {
        return Math.max(interiorStart(g), Math.min(g.ow(), g.w() + g.padLeft() - g.kw() + 1) * g.c());
    }

    /**
     * One output row: {@code inOff[t]} is tap t's ring offset of output element 0 (column 0, channel
     * 0), {@code wOff[t]} its weight tile, {@code tapW[t]} its weights in {@code wd}, {@code kxOf[t]}
     * its column; {@code m} valid taps in row-major order; the interior before {@code from} is done.
     */
    private static void row(Conv2d g, double[] l, double[] wd, double[] wt, Object dst, int out, int[] inOff, int[] wOff,
                            int[] tapW, int[] kxOf, int m, int from, int p) {
        int c = g.c(), lanes = D.length();
        int j0 = interiorStart(g), j1 = interiorEnd(g);
        scalar(g, l, wd, dst, out, inOff, tapW, kxOf, m, 0, j0);
        int j = from;
        for (; j + UNROLL * lanes <= j1; j += UNROLL * lanes) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
            int ph = j % p;
            for (int t = 0; t < m; t++) {
                int s = inOff[t] + j, wo = wOff[t] + ph;
                a0 = DoubleVector.fromArray(D, l, s).fma(DoubleVector.fromArray(D, wt, wo), a0);
                a1 = DoubleVector.fromArray(D, l, s + lanes).fma(DoubleVector.fromArray(D, wt, wo + lanes), a1);
                a2 = DoubleVector.fromArray(D, l, s + 2 * lanes).fma(DoubleVector.fromArray(D, wt, wo + 2 * lanes), a2);
                a3 = DoubleVector.fromArray(D, l, s + 3 * lanes).fma(DoubleVector.fromArray(D, wt, wo + 3 * lanes), a3);
            }
            store(a0, dst, out + j);
            store(a1, dst, out + j + lanes);
            store(a2, dst, out + j + 2 * lanes);
            store(a3, dst, out + j + 3 * lanes);
        }
        for (; j + lanes <= j1; j += lanes) {
            DoubleVector a = DoubleVector.zero(D);
            int ph = j % p;
            for (int t = 0; t < m; t++) a = DoubleVector.fromArray(D, l, inOff[t] + j).fma(DoubleVector.fromArray(D, wt, wOff[t] + ph), a);
            store(a, dst, out + j);
        }
        scalar(g, l, wd, dst, out, inOff, tapW, kxOf, m, j, j1);
        scalar(g, l, wd, dst, out, inOff, tapW, kxOf, m, j1, g.ow() * c);
    }

    /** Rounds a vector of sums into a float32 output, or converts it into an int32 one (exact integer sums). */
    private static void store(DoubleVector v, Object dst, int at) {
        if (dst instanceof float[] f) ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(f, at);
        else ((IntVector) v.convertShape(VectorOperators.D2I, I, 0)).intoArray((int[]) dst, at);
    }

    /**
     * The interior of output rows {@code y} and {@code y + 1} of one image at once (8 accumulators),
     * taps in the same row-major order as {@link #row}; returns where the vector interior stopped.
     * {@code rowBase[r]} is the ring offset of input row {@code y - padTop + r} (read only for rows
     * inside the image). Needs the channel count to divide the vector length.
     */
    private static int rowPair(Conv2d g, double[] l, double[] wt, Object dst, int outA, int outB, int y, int[] rowBase, int len) {
        int c = g.c(), lanes = D.length(), step = UNROLL * lanes, kh = g.kh(), kw = g.kw();
        int j0 = interiorStart(g), j1 = interiorEnd(g);
        int iy0 = y - g.padTop();
        int r0 = Math.max(0, iy0), r1 = Math.min(g.h() - 1, iy0 + kh);   // input rows read by either output row
        int j = j0;
        for (; j + step <= j1; j += step) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int iy = r0; iy <= r1; iy++) {
                int kyA = iy - iy0, kyB = kyA - 1;
                int s0 = rowBase[iy - iy0] + j - g.padLeft() * c;
                if (kyA < kh && kyB >= 0) {
                    for (int kx = 0; kx < kw; kx++) {
                        int s = s0 + kx * c;
                        DoubleVector wa = DoubleVector.fromArray(D, wt, (kyA * kw + kx) * len);
                        DoubleVector wb = DoubleVector.fromArray(D, wt, (kyB * kw + kx) * len);
                        DoubleVector x0 = DoubleVector.fromArray(D, l, s), x1 = DoubleVector.fromArray(D, l, s + lanes);
                        DoubleVector x2 = DoubleVector.fromArray(D, l, s + 2 * lanes), x3 = DoubleVector.fromArray(D, l, s + 3 * lanes);
                        a0 = x0.fma(wa, a0);
                        a1 = x1.fma(wa, a1);
                        a2 = x2.fma(wa, a2);
                        a3 = x3.fma(wa, a3);
                        b0 = x0.fma(wb, b0);
                        b1 = x1.fma(wb, b1);
                        b2 = x2.fma(wb, b2);
                        b3 = x3.fma(wb, b3);
                    }
                } else if (kyA < kh) {
                    for (int kx = 0; kx < kw; kx++) {
                        int s = s0 + kx * c;
                        DoubleVector wa = DoubleVector.fromArray(D, wt, (kyA * kw + kx) * len);
                        a0 = DoubleVector.fromArray(D, l, s).fma(wa, a0);
                        a1 = DoubleVector.fromArray(D, l, s + lanes).fma(wa, a1);
                        a2 = DoubleVector.fromArray(D, l, s + 2 * lanes).fma(wa, a2);
                        a3 = DoubleVector.fromArray(D, l, s + 3 * lanes).fma(wa, a3);
                    }
                } else {
                    for (int kx = 0; kx < kw; kx++) {
                        int s = s0 + kx * c;
                        DoubleVector wb = DoubleVector.fromArray(D, wt, (kyB * kw + kx) * len);
                        b0 = DoubleVector.fromArray(D, l, s).fma(wb, b0);
                        b1 = DoubleVector.fromArray(D, l, s + lanes).fma(wb, b1);
                        b2 = DoubleVector.fromArray(D, l, s + 2 * lanes).fma(wb, b2);
                        b3 = DoubleVector.fromArray(D, l, s + 3 * lanes).fma(wb, b3);
                    }
                }
            }
            store(a0, dst, outA + j);
            store(a1, dst, outA + j + lanes);
            store(a2, dst, outA + j + 2 * lanes);
            store(a3, dst, outA + j + 3 * lanes);
            store(b0, dst, outB + j);
            store(b1, dst, outB + j + lanes);
            store(b2, dst, outB + j + 2 * lanes);
            store(b3, dst, outB + j + 3 * lanes);
        }
        return j;
    }

    /**
     * The interior of output rows {@code y}, {@code y + 1} and {@code y + 2} of one image at once (12
     * accumulators: for vectors with 32 registers), taps in row-major order per row; returns where the
     * vector interior stopped. Needs the channel count to divide the vector length.
     */
    private static int rowTriple(Conv2d g, double[] l, double[] wt, Object dst, int outA, int outB, int outC, int y, int[] rowBase,
                                 int len) {
        int c = g.c(), lanes = D.length(), step = UNROLL * lanes, kh = g.kh(), kw = g.kw();
        int j0 = interiorStart(g), j1 = interiorEnd(g);
        int iy0 = y - g.padTop();
        int r0 = Math.max(0, iy0), r1 = Math.min(g.h() - 1, iy0 + kh + 1);   // input rows read by any of the three
        int j = j0;
        for (; j + step <= j1; j += step) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            DoubleVector c0 = a0, c1 = a0, c2 = a0, c3 = a0;
            for (int iy = r0; iy <= r1; iy++) {
                int kyA = iy - iy0, kyB = kyA - 1, kyC = kyA - 2;
                boolean ha = kyA < kh, hb = kyB >= 0 && kyB < kh, hc = kyC >= 0;
                int s0 = rowBase[iy - iy0] + j - g.padLeft() * c;
                for (int kx = 0; kx < kw; kx++) {
                    int s = s0 + kx * c;
                    DoubleVector x0 = DoubleVector.fromArray(D, l, s), x1 = DoubleVector.fromArray(D, l, s + lanes);
                    DoubleVector x2 = DoubleVector.fromArray(D, l, s + 2 * lanes), x3 = DoubleVector.fromArray(D, l, s + 3 * lanes);
                    if (ha) {
                        DoubleVector w = DoubleVector.fromArray(D, wt, (kyA * kw + kx) * len);
                        a0 = x0.fma(w, a0);
                        a1 = x1.fma(w, a1);
                        a2 = x2.fma(w, a2);
                        a3 = x3.fma(w, a3);
                    }
                    if (hb) {
                        DoubleVector w = DoubleVector.fromArray(D, wt, (kyB * kw + kx) * len);
                        b0 = x0.fma(w, b0);
                        b1 = x1.fma(w, b1);
                        b2 = x2.fma(w, b2);
                        b3 = x3.fma(w, b3);
                    }
                    if (hc) {
                        DoubleVector w = DoubleVector.fromArray(D, wt, (kyC * kw + kx) * len);
                        c0 = x0.fma(w, c0);
                        c1 = x1.fma(w, c1);
                        c2 = x2.fma(w, c2);
                        c3 = x3.fma(w, c3);
                    }
                }
            }
            store(a0, dst, outA + j);
            store(a1, dst, outA + j + lanes);
            store(a2, dst, outA + j + 2 * lanes);
            store(a3, dst, outA + j + 3 * lanes);
            store(b0, dst, outB + j);
            store(b1, dst, outB + j + lanes);
            store(b2, dst, outB + j + 2 * lanes);
            store(b3, dst, outB + j + 3 * lanes);
            store(c0, dst, outC + j);
            store(c1, dst, outC + j + lanes);
            store(c2, dst, outC + j + 2 * lanes);
            store(c3, dst, outC + j + 3 * lanes);
        }
        return j;
    }

    /** Outputs {@code [j0, j1)} of a row one at a time: the same double sums over the taps inside the image. */
    private static void scalar(Conv2d g, double[] l, double[] wd, Object dst, int out, int[] inOff, int[] tapW,
                               int[] kxOf, int m, int j0, int j1) {
        int c = g.c();
        for (int j = j0; j < j1; j++) {
            int x = j / c, ch = j - x * c;
            double a = 0;
            for (int t = 0; t < m; t++) {
                int ix = x + kxOf[t] - g.padLeft();
                if (ix >= 0 && ix < g.w()) a += l[inOff[t] + j] * wd[tapW[t] + ch];
            }
            if (dst instanceof float[] f) f[out + j] = (float) a;
            else ((int[]) dst)[out + j] = (int) a;
        }
    }
}
