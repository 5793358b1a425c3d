package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * The direct 2-D convolution library kernel behind {@code conv_general_dilated} for the image case:
 * NHWC input, HWIO kernel, NHWC output, stride 1, no dilation, non-negative zero padding, and either
 * depthwise ({@code feature_group_count} = channels, one output per channel) or dense
 * ({@code feature_group_count} = 1), on float32 or int32.
 *
 * <p>Each output row is accumulated tap by tap over a row buffer; for each tap the valid output
 * columns form one contiguous range (the interior; border columns whose input lies in the padding are
 * skipped, as are whole rows), so the inner loop is a plain multiply-add over contiguous memory that
 * HotSpot vectorises; with the Vector API, depthwise rows instead keep vectors of outputs in registers
 * over all taps ({@link Conv2dSimd} for int32; for float32 {@link ConvDepthwiseExact}: double
 * accumulators, two output rows per pass), as do dense float32 rows with a multiple of four vectors of
 * output channels ({@link ConvDenseSimd}). Float32 depthwise sums are exact products added in double
 * in the reference evaluation's order and rounded once, so they equal the reference bit for bit, as do
 * the row-buffer loops (without the Vector API, or with {@code -Djaxvm.conv.exact=true}); the dense
 * kernel, and the depthwise one with {@code -Djaxvm.conv.fma=true} ({@link ConvDepthwiseSimd}), sum in
 * float32 fused multiply-adds (within float32 rounding of the reference, not bit-identical). int32
 * wraps as the reference does. Output rows are split over
 * the cores, each row computed by one thread, so results do not depend on the number of threads.
 *
 * {@snippet :
 * Conv2d k = new Conv2d(1, 1498, 2078, 4, 3, 3, 4, true, 1, 1, 1498, 2078);  // depthwise 3x3, SAME
 * }
 *
 * @param n the batch size
 * @param h the input height
 * @param w the input width
 * @param c the input channels
 * @param kh the kernel height
 * @param kw the kernel width
 * @param o the output channels (equal to {@code c} when depthwise)
 * @param depthwise whether each output channel reads only its own input channel
 * @param padTop the zero rows above the input
 * @param padLeft the zero columns left of the input
 * @param oh the output height
 * @param ow the output width
 */
public record Conv2d(int n, int h, int w, int c, int kh, int kw, int o, boolean depthwise, int padTop, int padLeft,
                     int oh, int ow) implements LibraryKernel {

    /** Elements per weight block of a depthwise kernel (a multiple of the channel count). */
    private static final int BLOCK = 1024;

    /** Checks the geometry. */
    public Conv2d {
        if (depthwise && o != c) throw new IllegalArgumentException("depthwise conv2d needs as many outputs as channels");
        if (padTop < 0 || padLeft < 0) throw new IllegalArgumentException("conv2d padding must be non-negative");
    }

    /** Whether the dtypes have a kernel: float32 or int32 operands and the same result dtype. */
    public static boolean supports(DType lhs, DType rhs, DType out) {
        return lhs == rhs && lhs == out && (out == DType.FLOAT32 || out == DType.INT32);
    }

    @Override
    public String describe() {
        return "conv2d[" + (depthwise ? "depthwise " : "") + "n=" + n + " h=" + h + " w=" + w + " c=" + c + " k=" + kh + "x" + kw
                + " o=" + o + "]";
    }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, VectorEmitter.AVAILABLE); }

    /** {@link #run(List, List)}, with the Vector API's depthwise rows or without. */
    List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, boolean vector) {
        ArrayType t = out.getFirst();
        Object lhs = in.get(0).buffer(), rhs = in.get(1).buffer();
        int rows = n * oh;
        long work = (long) ow * o * kh * kw * (depthwise ? 1 : c);
        if (depthwise && vector && lhs instanceof int[]) return List.of(DenseArray.wrap(t, simd(lhs, rhs, t.size(), rows, work)));
        if (depthwise && vector && !EXACT && lhs instanceof float[]) return List.of(DenseArray.wrap(t, depthwiseRows(lhs, (float[]) rhs, t.size(), rows, work)));
        if (!depthwise && vector && !EXACT && lhs instanceof float[] lf && ConvDenseSimd.applies(o)) {
            float[] dst = new float[t.size()];
            Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
                for (int row = lo; row < hi; row++) ConvDenseSimd.row(this, lf, (float[]) rhs, dst, row);
            });
            return List.of(DenseArray.wrap(t, dst));
        }
        if (t.dtype() == DType.FLOAT32) {
            float[] l = (float[]) lhs, r = (float[]) rhs, dst = new float[t.size()];
            float[] wt = depthwise ? tile(r) : null;
            Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
                double[] acc = new double[ow * o];
                for (int row = lo; row < hi; row++) rowFloat(l, r, wt, dst, acc, row);
            });
            return List.of(DenseArray.wrap(t, dst));
        }
        int[] l = (int[]) lhs, r = (int[]) rhs, dst = new int[t.size()];
        int[] wt = depthwise ? tile(r) : null;
        Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
            for (int row = lo; row < hi; row++) rowInt(l, r, wt, dst, row);
        });
        return List.of(DenseArray.wrap(t, dst));
    }

    /** The int32 depthwise kernel with the Vector API ({@link Conv2dSimd}); returns the output buffer. */
    private int[] simd(Object lhs, Object rhs, int size, int rows, long work) {
        int taps = kh * kw;
        int blk = Conv2dSimd.block(c, 8), len = blk + c;
        int[] wi = Conv2dSimd.tile((int[]) rhs, taps, c, blk);
        int[] dst = new int[size];
        Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
            int[] inOff = new int[taps], wOff = new int[taps], tapW = new int[taps], kxOf = new int[taps];
            for (int row = lo; row < hi; row++) {
                int b = row / oh, y = row % oh, m = 0;
                for (int ky = 0; ky < kh; ky++) {
                    int iy = y + ky - padTop;
                    if (iy < 0 || iy >= h) continue;
                    for (int kx = 0; kx < kw; kx++) {
                        int tap = ky * kw + kx;
                        inOff[m] = (b * h + iy) * w * c + (kx - padLeft) * c;
                        wOff[m] = tap * len;
                        tapW[m] = tap * c;
                        kxOf[m++] = kx;
                    }
                }
                int out = row * ow * o;
                Conv2dSimd.rowInt(this, (int[]) lhs, (int[]) rhs, wi, dst, out, inOff, wOff, tapW, kxOf, m);
            }
        });
        return dst;
    }

    /**
     * The float32 depthwise kernel with the Vector API on input {@code lhs} (a float[] or a byte[] of
     * uint8): double sums equal to the reference's ({@link ConvDepthwiseExact}), or float32 FMAs
     * ({@link ConvDepthwiseRows}) with {@code -Djaxvm.conv.fma=true}.
     */
    float[] depthwiseRows(Object lhs, float[] rhs, int size, int rows, long work) {
        return FMA ? ConvDepthwiseRows.run(this, lhs, rhs, size, rows, work) : ConvDepthwiseExact.run(this, lhs, rhs, size, rows, work);
    }

    /** {@link #depthwiseRows(Object, float[], int, int, long)} into {@code dst}, a float[] or an int[] (exact integer sums). */
    void depthwiseRows(Object lhs, float[] rhs, Object dst, int rows, long work) {
        if (FMA) ConvDepthwiseRows.run(this, lhs, rhs, dst, rows, work);
        else ConvDepthwiseExact.run(this, lhs, rhs, dst, rows, work);
    }

    /**
     * {@code -Djaxvm.conv.fma=true}: the float32 depthwise kernel sums in float32 fused multiply-adds
     * (within a few ulps of the reference; ~1.7-1.9x faster on AVX-512, where a double vector holds half
     * as many lanes) instead of exact double sums.
     */
    static final boolean FMA = Boolean.getBoolean("jaxvm.conv.fma");

    /**
     * {@code -Djaxvm.conv.exact=true}: float32 convolutions run the row-buffer loops summing in double
     * (bit-identical to the reference evaluation, ~3x slower than the register-blocked kernels).
     */
    static final boolean EXACT = Boolean.getBoolean("jaxvm.conv.exact");

    /** The block length: a multiple of the channel count near {@link #BLOCK}. */
    private int block() { return c * Math.max(1, BLOCK / c); }

    /** Each tap's weights repeated along a block of columns, so that weight j is {@code w[tap, j % c]}. */
    private float[] tile(float[] r) {
        int b = block(), len = b + c;
        float[] out = new float[kh * kw * len];
        for (int tap = 0; tap < kh * kw; tap++) {
            for (int j = 0; j < len; j++) out[tap * len + j] = r[tap * c + j % c];
        }
        return out;
    }

    private int[] tile(int[] r) {
        int b = block(), len = b + c;
        int[] out = new int[kh * kw * len];
        for (int tap = 0; tap < kh * kw; tap++) {
            for (int j = 0; j < len; j++) out[tap * len + j] = r[tap * c + j % c];
        }
        return out;
    }

    /** The first output column whose input column for tap {@code kx} is in range. */
    private int xLo(int kx) { return Math.max(0, padLeft - kx); }

    /** One past the last output column whose input column for tap {@code kx} is in range. */
    private int xHi(int kx) { return Math.min(ow, w + padLeft - kx); }

    private void rowFloat(float[] l, float[] r, float[] wt, float[] dst, double[] acc, int row) {
        int b = row / oh, y = row % oh;
        java.util.Arrays.fill(acc, 0.0);
        int rowLen = w * c;
        if (depthwise) {
            int blk = block(), len = blk + c;
            for (int ky = 0; ky < kh; ky++) {
                int iy = y + ky - padTop;
                if (iy < 0 || iy >= h) continue;
                int inRow = (b * h + iy) * rowLen;
                for (int kx = 0; kx < kw; kx++) {
                    int lo = xLo(kx) * c, hi = xHi(kx) * c;
                    int shift = inRow + (kx - padLeft) * c;
                    int wBase = (ky * kw + kx) * len;
                    for (int s = lo; s < hi; s += blk) {
                        int e = Math.min(hi, s + blk);
                        int wo = wBase + s % c - s;
                        for (int j = s; j < e; j++) acc[j] += (double) l[shift + j] * (double) wt[wo + j];
                    }
                }
            }
        } else {
            for (int i = 0; i < c; i++) {
                for (int ky = 0; ky < kh; ky++) {
                    int iy = y + ky - padTop;
                    if (iy < 0 || iy >= h) continue;
                    int inRow = (b * h + iy) * rowLen;
                    for (int kx = 0; kx < kw; kx++) {
                        int wRow = ((ky * kw + kx) * c + i) * o;
                        for (int x = xLo(kx), xe = xHi(kx); x < xe; x++) {
                            double v = l[inRow + (x + kx - padLeft) * c + i];
                            int a = x * o;
                            for (int q = 0; q < o; q++) acc[a + q] += v * (double) r[wRow + q];
                        }
                    }
                }
            }
        }
        int out = row * ow * o;
        for (int j = 0; j < acc.length; j++) dst[out + j] = (float) acc[j];
    }

    private void rowInt(int[] l, int[] r, int[] wt, int[] dst, int row) {
        int b = row / oh, y = row % oh;
        int out = row * ow * o;
        java.util.Arrays.fill(dst, out, out + ow * o, 0);
        int rowLen = w * c;
        if (depthwise) {
            int blk = block(), len = blk + c;
            for (int ky = 0; ky < kh; ky++) {
                int iy = y + ky - padTop;
                if (iy < 0 || iy >= h) continue;
                int inRow = (b * h + iy) * rowLen;
                for (int kx = 0; kx < kw; kx++) {
                    int lo = xLo(kx) * c, hi = xHi(kx) * c;
                    int shift = inRow + (kx - padLeft) * c;
                    int wBase = (ky * kw + kx) * len;
                    for (int s = lo; s < hi; s += blk) {
                        int e = Math.min(hi, s + blk);
                        int wo = wBase + s % c - s;
                        for (int j = s; j < e; j++) dst[out + j] += l[shift + j] * wt[wo + j];
                    }
                }
            }
        } else {
            for (int i = 0; i < c; i++) {
                for (int ky = 0; ky < kh; ky++) {
                    int iy = y + ky - padTop;
                    if (iy < 0 || iy >= h) continue;
                    int inRow = (b * h + iy) * rowLen;
                    for (int kx = 0; kx < kw; kx++) {
                        int wRow = ((ky * kw + kx) * c + i) * o;
                        for (int x = xLo(kx), xe = xHi(kx); x < xe; x++) {
                            int v = l[inRow + (x + kx - padLeft) * c + i];
                            int a = out + x * o;
                            for (int q = 0; q < o; q++) dst[a + q] += v * r[wRow + q];
                        }
                    }
                }
            }
        }
    }
}
