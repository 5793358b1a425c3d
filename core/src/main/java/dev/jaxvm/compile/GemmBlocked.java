package dev.jaxvm.compile;

/**
 * The blocked float32 matrix product behind {@link Gemm} (the Goto/BLIS scheme): each thread, for each
 * block of {@link #KC} steps of k, packs its panels of B ({@link GemmKernel#NR} columns, kept in L2),
 * then for each block of up to {@link #MC} of its rows packs A into micro-panels of
 * {@link GemmKernel#MR} rows and runs the micro-kernel over every (panel, micro-panel) pair, the B
 * micro-panel staying in L1. Operands are read through strides, so transposed layouts are packed
 * straight from their buffers. Threads share rows (or, for few rows, column panels), one fork/join
 * per product; every element's sum runs over k in order, so the result does not depend on the
 * thread count.
 */
final class GemmBlocked {
    /** Steps of k per block: a B micro-panel of KC x NR floats (32 KiB at NR = 32) stays in L1. */
    static final int KC = 256;
    /** Rows of A per packed block (MC x KC floats, 192 KiB at MR = 12, in L2). */
    static final int MC = GemmKernel.MR * 16;

    /**
     * Per-thread packing buffers (B's panels, A's block, the edge tile), reused across calls: a fresh
     * multi-megabyte array per call costs its zeroing and page faults (~10% of a 1024^3 product).
     * Only their capacity carries over: every call overwrites what it reads.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][]);
    /** Buffers above this many floats (64 MiB) are not kept. */
    private static final int KEEP = 1 << 24;

    private GemmBlocked() {}

    private static float[] scratch(int slot, int size) {
        float[][] s = SCRATCH.get();
        float[] b = s[slot];
        if (b != null && b.length >= size) return b;
        b = new float[size];
        if (size <= KEEP) s[slot] = b;
        return b;
    }

    /**
     * A matrix operand: element (batch b, row i, column j) at {@code data[offset + b * batchStride +
     * i * rowStride + j * colStride]}.
     */
    record Operand(float[] data, int offset, int batchStride, int rowStride, int colStride) {}

    /** C[b] = A[b] B[b] for each batch, C dense {@code [batch, m, n]}, A {@code m x k}, B {@code k x n}. */
    static void multiply(Operand a, Operand b, float[] c, int batch, int m, int n, int k, int threads) {
        if (k == 0 || m == 0 || n == 0 || batch == 0) return;
        int nr = GemmKernel.NR, mr = GemmKernel.MR;
        int nPanels = (n + nr - 1) / nr, mPanels = (m + mr - 1) / mr;
        if (batch == 1 && mPanels < 2 * threads && nPanels >= 2) {
            // few rows: the threads split the columns (each packs all of A)
            Parallel.forRange(nPanels, (long) m * k * nr, threads, (lo, hi) -> block(a, b, c, 0, 0, m, lo, hi, m, n, k));
            return;
        }
        // the threads split the rows (each packs all of B, block by block: a copy when B's rows are contiguous)
        Parallel.forRange(batch * mPanels, (long) mr * n * k, threads, (lo, hi) -> {
            for (int u = lo; u < hi; ) {
                int bi = u / mPanels, p0 = u % mPanels, p1 = Math.min(mPanels, p0 + (hi - u));
                block(a, b, c, bi, p0 * mr, Math.min(m, p1 * mr), 0, nPanels, m, n, k);
                u += p1 - p0;
            }
        });
    }

    /**
     * Rows {@code [i0, i1)} and column panels {@code [jp0, jp1)} of batch {@code bi}'s product: for each
     * block of {@link #KC} steps of k, B's panels are packed (L2), then for each block of {@link #MC}
     * rows A's micro-panels (L2), and the micro-kernel runs over every (panel, micro-panel) pair.
     */
    private static void block(Operand a, Operand b, float[] c, int bi, int i0, int i1, int jp0, int jp1,
                              int m, int n, int k) {
        int nr = GemmKernel.NR, mr = GemmKernel.MR;
        // equal k blocks of at most KC steps (784 = 4 x 196, not 3 x 256 + 16: a short block costs a full pass over C)
        int blocks = (k + KC - 1) / KC, kb = (k + blocks - 1) / blocks;
        float[] ap = scratch(1, (Math.min(MC, i1 - i0) + mr - 1) / mr * mr * kb);
        float[] edge = scratch(2, mr * nr);
        float[] bp = scratch(0, (jp1 - jp0) * kb * nr);
        int ao = a.offset() + bi * a.batchStride(), bb = b.offset() + bi * b.batchStride(), cb = bi * m * n;
        for (int pc = 0; pc < k; pc += kb) {
            int kc = Math.min(kb, k - pc);
            boolean accumulate = pc > 0;
            for (int jp = jp0; jp < jp1; jp++) {
                GemmKernel.packB(b.data(), bb + pc * b.rowStride(), b.rowStride(), b.colStride(), kc, n, jp, bp, (jp - jp0) * kc * nr);
            }
            for (int ic = i0; ic < i1; ic += MC) {
                int mc = Math.min(MC, i1 - ic);
                GemmKernel.packA(a.data(), ao, a.rowStride(), a.colStride(), ic, mc, pc, kc, ap);
                for (int jp = jp0; jp < jp1; jp++) {
                    int bo = (jp - jp0) * kc * nr, cols = Math.min(nr, n - jp * nr);
                    for (int ip = 0; ip * mr < mc; ip++) {
                        int rows = Math.min(mr, mc - ip * mr), co = cb + (ic + ip * mr) * n + jp * nr;
                        if (rows == mr && cols == nr) {
                            GemmKernel.tile(ap, ip * kc * mr, bp, bo, kc, c, co, n, accumulate);
                        } else {
                            edgeTile(ap, ip * kc * mr, bp, bo, kc, c, co, n, rows, cols, accumulate, edge);
                        }
                    }
                }
            }
        }
    }

    /** A partial tile ({@code rows x cols}) through a full-size scratch tile. */
    private static void edgeTile(float[] ap, int ai, float[] packed, int bo, int kc, float[] c, int co, int n,
                                 int rows, int cols, boolean accumulate, float[] edge) {
        int nr = GemmKernel.NR;
        if (accumulate) for (int r = 0; r < rows; r++) System.arraycopy(c, co + r * n, edge, r * nr, cols);
        GemmKernel.tile(ap, ai, packed, bo, kc, edge, 0, nr, accumulate);
        for (int r = 0; r < rows; r++) System.arraycopy(edge, r * nr, c, co + r * n, cols);
    }
}
