package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * The {@code scatter} family: a copy of the operand, then every update combined into it in update
 * order (so repeated indices all apply, in the same order as the reference evaluation). The start of
 * each update window is computed once per index vector; each window's destination offsets once per
 * kernel; the combine runs on the primitive arrays for float32, float64 and int32.
 *
 * {@snippet :
 * // x.at[i].add(u) for x: f32[5, 3], i: i32[4, 1], u: f32[4, 3]
 * LibraryKernel k = new ScatterKernel(ScalarOp.ADD, Ints.of(1), Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY, false, false);
 * }
 *
 * @param combiner how an update meets the old value ({@link ScalarOp#COPY} overwrites)
 * @param updateWindowDims the update dimensions that are window dimensions
 * @param insertedWindowDims operand dimensions of window size one absent from the updates
 * @param scatterDimsToOperandDims for each index-vector component, the operand dimension it starts
 * @param operandBatchingDims operand dimensions paired with {@code scatterIndicesBatchingDims}
 * @param scatterIndicesBatchingDims batch dimensions of the indices paired with operand dimensions
 * @param clip whether out-of-bounds windows are clamped into bounds (else they are dropped)
 * @param uniqueIndices the caller's promise that no two updates meet (JAX's {@code unique_indices}): the
 *     windows are then combined in parallel (unless clamping could make two windows meet)
 */
public record ScatterKernel(ScalarOp combiner, Ints updateWindowDims, Ints insertedWindowDims, Ints scatterDimsToOperandDims,
        Ints operandBatchingDims, Ints scatterIndicesBatchingDims, boolean clip, boolean uniqueIndices) implements LibraryKernel {

    public ScatterKernel {
        switch (combiner) {
            case COPY, ADD, SUB, MUL, MIN, MAX -> { }
            default -> throw new IllegalArgumentException("not a scatter combiner: " + combiner);
        }
    }

    @Override
    public String describe() {
        return "scatter[" + combiner.name().toLowerCase() + (clip ? " clip" : "") + " window=" + updateWindowDims + "]";
    }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        DenseArray x = in.get(0), idx = in.get(1), u = in.get(2);
        int[] xd = x.type().shape().dims(), xs = x.type().shape().strides();
        int[] ud = u.type().shape().dims();
        int[] window = windowOperandDims(xd.length);
        boolean[] isWindow = new boolean[ud.length];
        for (int k : updateWindowDims.values()) isWindow[k] = true;
        // strides of each update dimension in the flat batch position and in the flat window position
        int[] bstep = new int[ud.length], wstep = new int[ud.length];
        int batchCount = 1, windowCount = 1;
        for (int k = ud.length - 1; k >= 0; k--) {
            if (isWindow[k]) { wstep[k] = windowCount; windowCount *= ud[k]; }
            else { bstep[k] = batchCount; batchCount *= ud[k]; }
        }
        int[] woff = windowOffsets(ud, xs, window, windowCount);
        int[] base = starts(x, idx, ud, window, batchCount);
        Object dst = Storage.copy(x.buffer());
        apply(x.dtype(), dst, u.buffer(), ud, bstep, wstep, base, woff, threads);
        return List.of(DenseArray.wrap(out.getFirst(), dst));
    }

    private int[] windowOperandDims(int rank) {
        int[] w = new int[rank];
        int n = 0;
        for (int k = 0; k < rank; k++) if (!insertedWindowDims.contains(k) && !operandBatchingDims.contains(k)) w[n++] = k;
        return java.util.Arrays.copyOf(w, n);
    }

    /** The operand offset of each window position (row-major over the update window dimensions). */
    private int[] windowOffsets(int[] ud, int[] xs, int[] window, int count) {
        int[] uwd = updateWindowDims.values();
        int[] off = new int[count];
        int[] o = new int[uwd.length];
        for (int w = 0; w < count; w++) {
            int at = 0;
            for (int j = 0; j < uwd.length; j++) at += o[j] * xs[window[j]];
            off[w] = at;
            for (int j = uwd.length - 1; j >= 0 && ++o[j] == ud[uwd[j]]; j--) o[j] = 0;
        }
        return off;
    }

    /** The operand offset of each batch position's window start, or -1 where the window is dropped. */
    private int[] starts(DenseArray x, DenseArray idx, int[] ud, int[] window, int count) {
        int[] xd = x.type().shape().dims(), xs = x.type().shape().strides();
        int[] id = idx.type().shape().dims(), is = idx.type().shape().strides();
        int[] wsize = new int[xd.length];
        java.util.Arrays.fill(wsize, 1);
        for (int j = 0; j < window.length; j++) wsize[window[j]] = ud[updateWindowDims.get(j)];
        int[] sdod = scatterDimsToOperandDims.values();
        int vecStride = is[id.length - 1];
        int[] obd = operandBatchingDims.values(), sibd = scatterIndicesBatchingDims.values();
        int[] batch = new int[id.length - 1];
        int[] base = new int[count];
        int[] ints = idx.dtype() == DType.INT32 ? (int[]) idx.buffer() : null;
        int ibase = 0;
        for (int b = 0; b < count; b++) {
            int at = 0;
            boolean oob = false;
            for (int v = 0; v < sdod.length; v++) {
                int d = sdod[v], hi = xd[d] - wsize[d];
                long s = ints != null ? ints[ibase + v * vecStride] : idx.getLong(ibase + v * vecStride);
                if (s < 0 || s > hi) oob = true;
                at += (int) Math.max(0, Math.min(s, hi)) * xs[d];
            }
            for (int v = 0; v < obd.length; v++) at += batch[sibd[v]] * xs[obd[v]];
            base[b] = oob && !clip ? -1 : at;
            for (int k = batch.length - 1; k >= 0; k--) {   // next batch position (odometer), and its index offset
                ibase += is[k];
                if (++batch[k] < id[k]) break;
                ibase -= is[k] * id[k];
                batch[k] = 0;
            }
        }
        return base;
    }

    /** Combines every update, in row-major update order. */
    private void apply(DType t, Object dst, Object u, int[] ud, int[] bstep, int[] wstep, int[] base, int[] woff, int threads) {
        int r = ud.length, wr = updateWindowDims.size();
        boolean trailing = true;   // window dimensions last: update i is (batch i / W, window i % W)
        for (int j = 0; j < wr; j++) trailing &= updateWindowDims.get(j) == r - wr + j;
        if (trailing) {
            int windows = woff.length;
            // promised-unique windows never meet, so any order gives the same result; clamping could make them meet
            int split = uniqueIndices && !clip ? threads : 1;
            Parallel.forRange(base.length, windows, split, (lo, hi) -> {
                if (windows == 1 && dst instanceof float[] d && combiner == ScalarOp.ADD) {
                    float[] x = (float[]) u;   // point updates, the common x.at[i].add(u): one add each
                    for (int b = lo; b < hi; b++) if (base[b] >= 0) d[base[b]] += x[b];
                    return;
                }
                for (int b = lo; b < hi; b++) {
                    if (base[b] >= 0) run(t, dst, base[b], woff, u, b * windows);
                }
            });
            return;
        }
        int total = 1;
        for (int d : ud) total *= d;
        int[] o = new int[r];
        int b = 0, w = 0;
        for (int i = 0; i < total; i++) {
            int start = base[b];
            if (start >= 0) combine(t, dst, start + woff[w], u, i);
            for (int k = r - 1; k >= 0; k--) {
                b += bstep[k];
                w += wstep[k];
                if (++o[k] < ud[k]) break;
                b -= bstep[k] * ud[k];
                w -= wstep[k] * ud[k];
                o[k] = 0;
            }
        }
    }

    /** Combines the window of updates starting at {@code ui} into {@code dst} at {@code start + woff[w]}. */
    private void run(DType t, Object dst, int start, int[] woff, Object u, int ui) {
        int n = woff.length;
        switch (dst) {
            case float[] d when combiner == ScalarOp.ADD -> {
                float[] x = (float[]) u;
                for (int w = 0; w < n; w++) d[start + woff[w]] += x[ui + w];
            }
            case float[] d when combiner == ScalarOp.COPY -> {
                float[] x = (float[]) u;
                for (int w = 0; w < n; w++) d[start + woff[w]] = x[ui + w];
            }
            case double[] d when combiner == ScalarOp.ADD -> {
                double[] x = (double[]) u;
                for (int w = 0; w < n; w++) d[start + woff[w]] += x[ui + w];
            }
            case int[] d when combiner == ScalarOp.ADD && t == DType.INT32 -> {
                int[] x = (int[]) u;
                for (int w = 0; w < n; w++) d[start + woff[w]] += x[ui + w];
            }
            default -> { for (int w = 0; w < n; w++) combine(t, dst, start + woff[w], u, ui + w); }
        }
    }

    private void combine(DType t, Object dst, int di, Object u, int ui) {
        switch (dst) {
            case float[] d when combiner != ScalarOp.MIN && combiner != ScalarOp.MAX -> d[di] = switch (combiner) {
                case ADD -> d[di] + ((float[]) u)[ui];
                case SUB -> d[di] - ((float[]) u)[ui];
                case MUL -> d[di] * ((float[]) u)[ui];
                default -> ((float[]) u)[ui];
            };
            case double[] d when combiner != ScalarOp.MIN && combiner != ScalarOp.MAX -> d[di] = switch (combiner) {
                case ADD -> d[di] + ((double[]) u)[ui];
                case SUB -> d[di] - ((double[]) u)[ui];
                case MUL -> d[di] * ((double[]) u)[ui];
                default -> ((double[]) u)[ui];
            };
            case int[] d when t == DType.INT32 -> d[di] = switch (combiner) {
                case ADD -> d[di] + ((int[]) u)[ui];
                case SUB -> d[di] - ((int[]) u)[ui];
                case MUL -> d[di] * ((int[]) u)[ui];
                case MIN -> Math.min(d[di], ((int[]) u)[ui]);
                case MAX -> Math.max(d[di], ((int[]) u)[ui]);
                default -> ((int[]) u)[ui];
            };
            default -> generic(t, dst, di, u, ui);
        }
    }

    private void generic(DType t, Object dst, int di, Object u, int ui) {
        if (combiner == ScalarOp.COPY) {
            Storage.copyElement(u, ui, dst, di);
        } else if (t.isFloating()) {
            Storage.setDouble(t, dst, di, combiner.applyDouble(Storage.getDouble(t, dst, di), Storage.getDouble(t, u, ui)));
        } else {
            Storage.setLong(t, dst, di, combiner.applyLong(t, Storage.getLong(t, dst, di), Storage.getLong(t, u, ui)));
        }
    }
}
