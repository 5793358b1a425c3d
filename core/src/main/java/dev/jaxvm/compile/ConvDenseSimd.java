package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 dense (ungrouped) NHWC/HWIO rows of {@link Conv2d} with the Vector API when the output
 * channels are a multiple of four vectors: a block of 2 interior pixels x 4 vectors of output
 * channels (8 accumulators; 4 x 4 measured 2x slower, spilled) stays in registers while, for each
 * valid tap and input channel, four weight vectors are loaded and each pixel's input value is
 * broadcast into 4 fused multiply-adds;
 * border pixels take one pixel x 4 vectors with the taps clipped to the image. Every output sums the
 * taps in the same order (row-major taps, input channels inner) in float32 FMAs whichever path
 * computed it. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class ConvDenseSimd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private ConvDenseSimd() {}

    /** Whether {@code o} output channels fit the blocks. */
    static boolean applies(int o) { return o % (4 * F.length()) == 0; }

    /** Output row {@code row} (batch-major) of {@code g} into {@code dst}. */
    static void row(Conv2d g, float[] l, float[] wt, float[] dst, int row) {
        int h = g.h(), w = g.w(), c = g.c(), o = g.o(), kh = g.kh(), kw = g.kw(), ow = g.ow(), pl = g.padLeft();
        int b = row / g.oh(), y = row % g.oh();
        int ky0 = Math.max(0, g.padTop() - y), ky1 = Math.min(kh, h + g.padTop() - y);
        int xa = Math.min(ow, pl), xb = Math.max(xa, Math.min(ow, w + pl - kw + 1));
        int out = row * ow * o;
        int imgRow0 = b * h;
        for (int x = 0; x < xa; x++) pixel(g, l, wt, dst, out, imgRow0, y, ky0, ky1, x);
        int x = xa;
        int lanes = F.length();
        for (; x + 2 <= xb; x += 2) {
            for (int oc = 0; oc < o; oc += 4 * lanes) {
                FloatVector z = FloatVector.zero(F);
                FloatVector a00 = z, a01 = z, a02 = z, a03 = z, a10 = z, a11 = z, a12 = z, a13 = z;
                for (int ky = ky0; ky < ky1; ky++) {
                    int in = ((imgRow0 + y + ky - g.padTop()) * w + x - pl) * c;
                    // (kx, ci) as one run: both the input pixels and the weight rows are contiguous in it
                    for (int q = 0, qn = kw * c, wq = ky * kw * c * o + oc; q < qn; q++, wq += o) {
                        {
                            int wb = wq, s = in + q;
                            FloatVector w0 = FloatVector.fromArray(F, wt, wb), w1 = FloatVector.fromArray(F, wt, wb + lanes);
                            FloatVector w2 = FloatVector.fromArray(F, wt, wb + 2 * lanes), w3 = FloatVector.fromArray(F, wt, wb + 3 * lanes);
                            FloatVector v = FloatVector.broadcast(F, l[s]);
                            a00 = v.fma(w0, a00);
                            a01 = v.fma(w1, a01);
                            a02 = v.fma(w2, a02);
                            a03 = v.fma(w3, a03);
                            v = FloatVector.broadcast(F, l[s + c]);
                            a10 = v.fma(w0, a10);
                            a11 = v.fma(w1, a11);
                            a12 = v.fma(w2, a12);
                            a13 = v.fma(w3, a13);
                        }
                    }
                }
                int d = out + x * o + oc;
                a00.intoArray(dst, d);
                a01.intoArray(dst, d + lanes);
                a02.intoArray(dst, d + 2 * lanes);
                a03.intoArray(dst, d + 3 * lanes);
                d += o;
                a10.intoArray(dst, d);
                a11.intoArray(dst, d + lanes);
                a12.intoArray(dst, d + 2 * lanes);
                a13.intoArray(dst, d + 3 * lanes);
            }
        }
        for (; x < ow; x++) pixel(g, l, wt, dst, out, imgRow0, y, ky0, ky1, x);
    }

    /** One output pixel, taps clipped to the image, 4 vectors of output channels at a time. */
    private static void pixel(Conv2d g, float[] l, float[] wt, float[] dst, int out, int imgRow0, int y, int ky0, int ky1, int x) {
        int w = g.w(), c = g.c(), o = g.o(), kw = g.kw(), pl = g.padLeft(), lanes = F.length();
        int kx0 = Math.max(0, pl - x), kx1 = Math.min(kw, w + pl - x);
        for (int oc = 0; oc < o; oc += 4 * lanes) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            for (int ky = ky0; ky < ky1; ky++) {
                int in = ((imgRow0 + y + ky - g.padTop()) * w + x - pl) * c;
                for (int kx = kx0; kx < kx1; kx++) {
                    for (int ci = 0; ci < c; ci++) {
                        int wb = ((ky * kw + kx) * c + ci) * o + oc;
                        FloatVector v = FloatVector.broadcast(F, l[in + kx * c + ci]);
                        a0 = v.fma(FloatVector.fromArray(F, wt, wb), a0);
                        a1 = v.fma(FloatVector.fromArray(F, wt, wb + lanes), a1);
                        a2 = v.fma(FloatVector.fromArray(F, wt, wb + 2 * lanes), a2);
                        a3 = v.fma(FloatVector.fromArray(F, wt, wb + 3 * lanes), a3);
                    }
                }
            }
            int d = out + x * o + oc;
            a0.intoArray(dst, d);
            a1.intoArray(dst, d + lanes);
            a2.intoArray(dst, d + 2 * lanes);
            a3.intoArray(dst, d + 3 * lanes);
        }
    }
}
