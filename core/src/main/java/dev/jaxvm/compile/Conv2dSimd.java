package dev.jaxvm.compile;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int32 depthwise rows of {@link Conv2d} with the Vector API: over the interior columns (where
 * every horizontal tap reads inside the image), a vector of 8 outputs stays in a register while all
 * valid taps are multiplied and added in row-major order (wrapping, as the reference); the border
 * columns and tails take the same sums one element at a time. (A float32 version accumulating in
 * double through {@code F2D} conversions measured slower than {@link Conv2d}'s C2-vectorised row
 * loops, so float32 uses those.) Loaded only when {@code jdk.incubator.vector} is present.
 */
final class Conv2dSimd {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    private Conv2dSimd() {}

    /** A block length that is a multiple of both {@code c} and {@code lanes}, about 64 elements. */
    static int block(int c, int lanes) {
        int l = c * lanes / gcd(c, lanes);
        return l * Math.max(1, 64 / l);
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /** Each tap's weights repeated over {@code block + c} columns. */
    static int[] tile(int[] r, int taps, int c, int block) {
        int len = block + c;
        int[] out = new int[taps * len];
        for (int t = 0; t < taps; t++) for (int j = 0; j < len; j++) out[t * len + j] = r[t * c + j % c];
        return out;
    }

    /**
     * One int32 output row: {@code inOff[t]} is tap t's input offset of output element 0 (column 0,
     * channel 0), {@code wOff[t]} its weight tile, {@code tapW[t]} its weights, {@code kxOf[t]} its
     * column; {@code m} valid taps in row-major order.
     */
    static void rowInt(Conv2d g, int[] l, int[] r, int[] wt, int[] dst, int out, int[] inOff, int[] wOff,
                       int[] tapW, int[] kxOf, int m) {
        int c = g.c(), blk = block(c, I.length());
        int j0 = Math.min(g.ow(), g.padLeft()) * c, j1 = Math.max(j0, Math.min(g.ow(), g.w() + g.padLeft() - g.kw() + 1) * c);
        scalarInt(g, l, r, dst, out, inOff, tapW, kxOf, m, 0, j0);
        for (int s = j0; s < j1; s += blk) {
            int e = Math.min(j1, s + blk), phase = s % c - s, j = s;
            for (; j + I.length() <= e; j += I.length()) {
                IntVector acc = IntVector.zero(I);
                for (int t = 0; t < m; t++) {
                    acc = acc.add(IntVector.fromArray(I, l, inOff[t] + j).mul(IntVector.fromArray(I, wt, wOff[t] + phase + j)));
                }
                acc.intoArray(dst, out + j);
            }
            scalarInt(g, l, r, dst, out, inOff, tapW, kxOf, m, j, e);
        }
        scalarInt(g, l, r, dst, out, inOff, tapW, kxOf, m, j1, g.ow() * c);
    }

    private static void scalarInt(Conv2d g, int[] l, int[] r, int[] dst, int out, int[] inOff, int[] tapW,
                                  int[] kxOf, int m, int j0, int j1) {
        int c = g.c();
        for (int j = j0; j < j1; j++) {
            int x = j / c, ch = j - x * c;
            int a = 0;
            for (int t = 0; t < m; t++) {
                int ix = x + kxOf[t] - g.padLeft();
                if (ix >= 0 && ix < g.w()) a += l[inOff[t] + j] * r[tapW[t] + ch];
            }
            dst[out + j] = a;
        }
    }
}
