package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 depthwise rows of {@link Conv2d} with the Vector API, channels last: over the interior
 * columns (every horizontal tap inside the image) four vectors of outputs stay in registers while
 * each valid tap is multiplied and added into them with a fused multiply-add in float32, taps in
 * row-major order; border columns and tails take the same fused sums one element at a time
 * ({@link Math#fma(float, float, float)}), so every output is the same whichever path computed it
 * and whatever the number of threads. The output is float32, or int32 for the exact integer sums of
 * {@link ConvPrologue}'s uint8 images. The weights are tiled so that the lane for flat position
 * {@code j = x * c + ch} reads {@code w[tap, j % c]}. Loaded only when {@code jdk.incubator.vector}
 * is present.
 */
final class ConvDepthwiseSimd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Vectors of outputs kept in registers per step. */
    private static final int UNROLL = 4;

    private ConvDepthwiseSimd() {}

    /** The weight-tile period for {@code c} channels: a multiple of {@code c} and of the vector length. */
    static int period(int c) { return c * F.length() / gcd(c, F.length()); }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /** Each tap's {@code c} weights repeated over {@code period(c) + UNROLL * lanes} positions. */
    static float[] tile(float[] r, int taps, int c) {
        int p = period(c), len = p + UNROLL * F.length();
        float[] out = new float[taps * len];
        for (int t = 0; t < taps; t++) for (int j = 0; j < len; j++) out[t * len + j] = r[t * c + j % c];
        return out;
    }

    /** The length of one tap's tile. */
    static int tileLength(int c) { return period(c) + UNROLL * F.length(); }

    /**
     * One float32 output row: {@code inOff[t]} is tap t's input offset of output element 0 (column 0,
     * channel 0), {@code wOff[t]} its weight tile, {@code tapW[t]} its weights in {@code r},
     * {@code kxOf[t]} its column; {@code m} valid taps in row-major order.
     */
    static void row(Conv2d g, float[] l, float[] r, float[] wt, Object dst, int out, int[] inOff, int[] wOff,
                    int[] tapW, int[] kxOf, int m) {
        row(g, l, r, wt, dst, out, inOff, wOff, tapW, kxOf, m, interiorStart(g));
    }

    /** The first flat position of the interior. */
    static int interiorStart(Conv2d g) { return Math.min(g.ow(), g.padLeft()) * g.c(); }

    /** One past the last flat position of the interior. */
    static int interiorEnd(Conv2d g) {
        return Math.max(interiorStart(g), Math.min(g.ow(), g.w() + g.padLeft() - g.kw() + 1) * g.c());
    }

    /** {@link #row}, where the interior before {@code from} is already computed. */
    static void row(Conv2d g, float[] l, float[] r, float[] wt, Object dst, int out, int[] inOff, int[] wOff,
                    int[] tapW, int[] kxOf, int m, int from) {
        int c = g.c(), lanes = F.length(), p = period(c);
        int j0 = interiorStart(g), j1 = interiorEnd(g);
        scalar(g, l, r, dst, out, inOff, tapW, kxOf, m, 0, j0);
        int j = from;
        if (p == lanes) {
            // every vector of a step reads the same weights: one weight load per tap
            for (; j + UNROLL * lanes <= j1; j += UNROLL * lanes) {
                FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
                for (int t = 0; t < m; t++) {
                    int s = inOff[t] + j;
                    FloatVector wv = FloatVector.fromArray(F, wt, wOff[t]);
                    a0 = FloatVector.fromArray(F, l, s).fma(wv, a0);
                    a1 = FloatVector.fromArray(F, l, s + lanes).fma(wv, a1);
                    a2 = FloatVector.fromArray(F, l, s + 2 * lanes).fma(wv, a2);
                    a3 = FloatVector.fromArray(F, l, s + 3 * lanes).fma(wv, a3);
                }
                store(a0, dst, out + j);
                store(a1, dst, out + j + lanes);
                store(a2, dst, out + j + 2 * lanes);
                store(a3, dst, out + j + 3 * lanes);
            }
        }
        for (; j + UNROLL * lanes <= j1; j += UNROLL * lanes) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            int ph = j % p;
            for (int t = 0; t < m; t++) {
                int s = inOff[t] + j, wo = wOff[t] + ph;
                a0 = FloatVector.fromArray(F, l, s).fma(FloatVector.fromArray(F, wt, wo), a0);
                a1 = FloatVector.fromArray(F, l, s + lanes).fma(FloatVector.fromArray(F, wt, wo + lanes), a1);
                a2 = FloatVector.fromArray(F, l, s + 2 * lanes).fma(FloatVector.fromArray(F, wt, wo + 2 * lanes), a2);
                a3 = FloatVector.fromArray(F, l, s + 3 * lanes).fma(FloatVector.fromArray(F, wt, wo + 3 * lanes), a3);
            }
            store(a0, dst, out + j);
            store(a1, dst, out + j + lanes);
            store(a2, dst, out + j + 2 * lanes);
            store(a3, dst, out + j + 3 * lanes);
        }
        for (; j + lanes <= j1; j += lanes) {
            FloatVector a = FloatVector.zero(F);
            int ph = j % p;
            for (int t = 0; t < m; t++) a = FloatVector.fromArray(F, l, inOff[t] + j).fma(FloatVector.fromArray(F, wt, wOff[t] + ph), a);
            store(a, dst, out + j);
        }
        scalar(g, l, r, dst, out, inOff, tapW, kxOf, m, j, j1);
        scalar(g, l, r, dst, out, inOff, tapW, kxOf, m, j1, g.ow() * c);
    }

    /**
     * Stores a vector of sums into a float32 output, or converted into an int32 one (the sums of a
     * uint8 image by small integer weights are exact integers in float32, see {@link ConvPrologue}).
     */
    private static void store(FloatVector v, Object dst, int at) {
        if (dst instanceof float[] f) v.intoArray(f, at);
        else ((IntVector) v.convert(VectorOperators.F2I, 0)).intoArray((int[]) dst, at);
    }

    /** Whether {@link #rowPair} applies: the channel count divides the vector length. */
    static boolean pairs(int c) { return period(c) == F.length(); }

    /**
     * The interior of two adjacent output rows {@code y} and {@code y + 1} of one image at once (each
     * input vector loaded once feeds both rows; 8 accumulators), taps in the same row-major order as
     * {@link #row} so the sums are the same; returns where the vector interior stopped.
     * {@code rowBase[r]} is the offset in {@code l} of input row {@code y - padTop + r} (read only for
     * rows inside the image).
     */
    static int rowPair(Conv2d g, float[] l, float[] wt, Object dst, int outA, int outB, int y, int[] rowBase, int len) {
        int c = g.c(), lanes = F.length(), step = UNROLL * lanes, kh = g.kh(), kw = g.kw();
        int j0 = interiorStart(g), j1 = interiorEnd(g);
        int iy0 = y - g.padTop();
        int r0 = Math.max(0, iy0), r1 = Math.min(g.h() - 1, iy0 + kh);   // input rows read by either output row
        int j = j0;
        for (; j + step <= j1; j += step) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int iy = r0; iy <= r1; iy++) {
                int kyA = iy - iy0, kyB = kyA - 1;
                int s0 = rowBase[iy - iy0] + j - g.padLeft() * c;
                if (kyA < kh && kyB >= 0) {
                    for (int kx = 0; kx < kw; kx++) {
                        int s = s0 + kx * c;
                        FloatVector wa = FloatVector.fromArray(F, wt, (kyA * kw + kx) * len);
                        FloatVector wb = FloatVector.fromArray(F, wt, (kyB * kw + kx) * len);
                        FloatVector x0 = FloatVector.fromArray(F, l, s), x1 = FloatVector.fromArray(F, l, s + lanes);
                        FloatVector x2 = FloatVector.fromArray(F, l, s + 2 * lanes), x3 = FloatVector.fromArray(F, l, s + 3 * lanes);
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
                        FloatVector wa = FloatVector.fromArray(F, wt, (kyA * kw + kx) * len);
                        a0 = FloatVector.fromArray(F, l, s).fma(wa, a0);
                        a1 = FloatVector.fromArray(F, l, s + lanes).fma(wa, a1);
                        a2 = FloatVector.fromArray(F, l, s + 2 * lanes).fma(wa, a2);
                        a3 = FloatVector.fromArray(F, l, s + 3 * lanes).fma(wa, a3);
                    }
                } else {
                    for (int kx = 0; kx < kw; kx++) {
                        int s = s0 + kx * c;
                        FloatVector wb = FloatVector.fromArray(F, wt, (kyB * kw + kx) * len);
                        b0 = FloatVector.fromArray(F, l, s).fma(wb, b0);
                        b1 = FloatVector.fromArray(F, l, s + lanes).fma(wb, b1);
                        b2 = FloatVector.fromArray(F, l, s + 2 * lanes).fma(wb, b2);
                        b3 = FloatVector.fromArray(F, l, s + 3 * lanes).fma(wb, b3);
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

    private static void scalar(Conv2d g, float[] l, float[] r, Object dst, int out, int[] inOff, int[] tapW,
                               int[] kxOf, int m, int j0, int j1) {
        int c = g.c();
        for (int j = j0; j < j1; j++) {
            int x = j / c, ch = j - x * c;
            float a = 0;
            for (int t = 0; t < m; t++) {
                int ix = x + kxOf[t] - g.padLeft();
                if (ix >= 0 && ix < g.w()) a = Math.fma(l[inOff[t] + j], r[tapW[t] + ch], a);
            }
            if (dst instanceof float[] f) f[out + j] = a;
            else ((int[]) dst)[out + j] = (int) a;
        }
    }
}
