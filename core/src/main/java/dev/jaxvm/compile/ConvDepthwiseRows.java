package dev.jaxvm.compile;

/**
 * Drives {@link ConvDepthwiseSimd} (float32 FMA sums, {@code -Djaxvm.conv.fma=true}; the default is
 * {@link ConvDepthwiseExact}) over the output rows of a float32 depthwise {@link Conv2d}, reading
 * the input either as float32 or as uint8 converted on the fly (the fused {@code astype} prologue of
 * the demo's uint8 image): then each thread converts each input row once into a ring of
 * {@code kh + 1} float rows, so the float32 image is never materialised. Output rows are split over
 * the cores in contiguous ranges; pairs of rows share their input loads.
 */
final class ConvDepthwiseRows {
    private ConvDepthwiseRows() {}

    /** The output buffer of {@code g} for input {@code lhs} (a float[] or a byte[] of uint8) and weights {@code rhs}. */
    static float[] run(Conv2d g, Object lhs, float[] rhs, int size, int rows, long work) {
        float[] dst = new float[size];
        run(g, lhs, rhs, dst, rows, work);
        return dst;
    }

    /** {@link #run(Conv2d, Object, float[], int, int, long)} into {@code dst}, a float[] or an int[] (sums converted). */
    static void run(Conv2d g, Object lhs, float[] rhs, Object dst, int rows, long work) {
        int kh = g.kh(), kw = g.kw(), c = g.c(), taps = kh * kw, h = g.h(), oh = g.oh(), rowLen = g.w() * c;
        int len = ConvDepthwiseSimd.tileLength(c);
        float[] wf = ConvDepthwiseSimd.tile(rhs, taps, c);
        boolean bytes = lhs instanceof byte[];
        Parallel.forRange(rows, work, Parallel.THREADS, (lo, hi) -> {
            int[] inOff = new int[taps], wOff = new int[taps], tapW = new int[taps], kxOf = new int[taps];
            int[] rowBase = new int[kh + 1];
            int ringRows = kh + 1;
            float[] ring = bytes ? new float[ringRows * rowLen] : null;
            int[] slotKey = new int[ringRows];
            java.util.Arrays.fill(slotKey, -1);
            float[] src = bytes ? ring : (float[]) lhs;
            boolean pairs = ConvDepthwiseSimd.pairs(c);
            int next = -1, pairEnd = 0;   // the row whose interior the previous pair already computed, and where it stopped
            for (int row = lo; row < hi; row++) {
                int b = row / oh, y = row % oh, m = 0;
                boolean pair = pairs && row != next && row + 1 < hi && y + 1 < oh;
                int iy0 = y - g.padTop();
                // the input rows of this row (and of the next, for a pair), converted into the ring if uint8
                for (int r = 0; r < kh + (pair ? 1 : 0); r++) {
                    int iy = iy0 + r;
                    if (iy < 0 || iy >= h) continue;
                    rowBase[r] = bytes ? convert((byte[]) lhs, ring, slotKey, b * h + iy, rowLen) : (b * h + iy) * rowLen;
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
                int out = row * g.ow() * g.o(), from;
                if (row == next) from = pairEnd;
                else if (pair) {
                    from = pairEnd = ConvDepthwiseSimd.rowPair(g, src, wf, dst, out, out + g.ow() * g.o(), y, rowBase, len);
                    next = row + 1;
                } else from = ConvDepthwiseSimd.interiorStart(g);
                ConvDepthwiseSimd.row(g, src, rhs, wf, dst, out, inOff, wOff, tapW, kxOf, m, from);
            }
        });
    }

    /** The ring offset of image row {@code key} (batch * h + row), converting it from uint8 if not there yet. */
    private static int convert(byte[] lhs, float[] ring, int[] slotKey, int key, int rowLen) {
        int slot = key % slotKey.length, at = slot * rowLen;
        if (slotKey[slot] != key) {
            int from = key * rowLen;
            for (int j = 0; j < rowLen; j++) ring[at + j] = lhs[from + j] & 0xFF;
            slotKey[slot] = key;
        }
        return at;
    }
}
