package dev.jaxvm.compile;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The depthwise rows of {@link Conv2d} with the Vector API: over the interior columns (where every
 * horizontal tap reads inside the image), a vector of outputs stays in a register while all valid
 * taps are multiplied and added in row-major order; the border columns and tails take the same sums
 * one element at a time. float32 accumulates in double (exact products, fused multiply-add, so each
 * sum equals the reference's), int32 wraps. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class Conv2dSimd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    private Conv2dSimd() {}

    /** A block length that is a multiple of both {@code c} and {@code lanes}, about 64 elements. */
    static int block(int c, int lanes) {
        int l = c * lanes / gcd(c, lanes);
        return l * Math.max(1, 64 / l);
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /** Each tap's weights repeated over {@code block + c} columns, as doubles. */
    static double[] tile(float[] r, int taps, int c, int block) {
        int len = block + c;
        double[] out = new double[taps * len];
        for (int t = 0; t < taps; t++) for (int j = 0; j < len; j++) out[t * len + j] = r[t * c + j % c];
        return out;
    }

    /** Each tap's weights repeated over {@code block + c} columns. */
    static int[] tile(int[] r, int taps, int c, int block) {
        int len = block + c;
        int[] out = new int[taps * len];
        for (int t = 0; t < taps; t++) for (int j = 0; j < len; j++) out[t * len + j] = r[t * c + j % c];
        return out;
    }

    /**
     * One float32 output row: {@code inOff[t]} is tap t's input offset of output element 0 (column 0,
     * channel 0), {@code wOff[t]} its weight tile, {@code kxOf[t]} its column; {@code m} valid taps.
     */
    static void rowFloat(Conv2d g, float[] l, float[] r, double[] wt, float[] dst, int out, int[] inOff, int[] wOff,
                         int[] tapW, int[] kxOf, int m) {
        int c = g.c(), blk = block(c, D.length());
        int j0 = Math.min(g.ow(), g.padLeft()) * c, j1 = Math.max(j0, Math.min(g.ow(), g.w() + g.padLeft() - g.kw() + 1) * c);
        scalarFloat(g, l, r, dst, out, inOff, tapW, kxOf, m, 0, j0);
        for (int s = j0; s < j1; s += blk) {
            int e = Math.min(j1, s + blk), phase = s % c - s, j = s;
            for (; j + D.length() <= e; j += D.length()) {
                DoubleVector acc = DoubleVector.zero(D);
                for (int t = 0; t < m; t++) {
                    DoubleVector x = (DoubleVector) FloatVector.fromArray(F, l, inOff[t] + j).convertShape(VectorOperators.F2D, D, 0);
                    acc = x.fma(DoubleVector.fromArray(D, wt, wOff[t] + phase + j), acc);
                }
                ((FloatVector) acc.convertShape(VectorOperators.D2F, F, 0)).intoArray(dst, out + j);
            }
            scalarFloat(g, l, r, dst, out, inOff, tapW, kxOf, m, j, e);
        }
        scalarFloat(g, l, r, dst, out, inOff, tapW, kxOf, m, j1, g.ow() * c);
    }

    private static void scalarFloat(Conv2d g, float[] l, float[] r, float[] dst, int out, int[] inOff, int[] tapW,
                                    int[] kxOf, int m, int j0, int j1) {
        int c = g.c();
        for (int j = j0; j < j1; j++) {
            int x = j / c, ch = j - x * c;
            double a = 0;
            for (int t = 0; t < m; t++) {
                int ix = x + kxOf[t] - g.padLeft();
                if (ix >= 0 && ix < g.w()) a += (double) l[inOff[t] + j] * (double) r[tapW[t] + ch];
            }
            dst[out + j] = (float) a;
        }
    }

    /** One int32 output row, as {@link #rowFloat}. */
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
