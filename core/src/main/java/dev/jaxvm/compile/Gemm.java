package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * The matrix-product library kernel behind {@code dot_general} on float32 and float64: the
 * operands are viewed as {@code [batch, m, k]} and {@code [batch, k, n]} matrices. float32 with the
 * Vector API reads them in place through strides (any transposition; copied only when a group of
 * dimensions does not collapse to one stride) and runs the blocked kernel {@link GemmBlocked};
 * otherwise they are copied to that layout and multiplied row by row. The result is
 * {@code [batch, m, n]}, dot_general's output order; each element's sum runs over k in order
 * (fused multiply-adds), whatever the number of threads. {@link GemmFold} gives a transposed
 * result by swapping the operands ({@link #swapped()}).
 *
 * {@snippet :
 * Gemm g = Gemm.dotGeneral(lhs, rhs, Ints.of(1), Ints.of(0), Ints.EMPTY, Ints.EMPTY);  // a matmul
 * }
 *
 * @param lhsOrder the lhs dimensions in [batch, free, contracting] order
 * @param rhsOrder the rhs dimensions in [batch, contracting, free] order
 * @param batch the batch size
 * @param m the rows (lhs free size)
 * @param n the columns (rhs free size)
 * @param k the contracted size
 * @param batchDims the number of batch dimensions (leading in both orders)
 * @param contractingDims the number of contracting dimensions
 */
public record Gemm(Ints lhsOrder, Ints rhsOrder, int batch, int m, int n, int k, int batchDims, int contractingDims)
        implements LibraryKernel {

    /** Whether operands of these types have a kernel: float32 or float64, equal dtypes, same output dtype. */
    public static boolean supports(ArrayType lhs, ArrayType rhs, ArrayType out) {
        DType t = out.dtype();
        return (t == DType.FLOAT32 || t == DType.FLOAT64) && lhs.dtype() == t && rhs.dtype() == t;
    }

    /** The kernel of {@code dot_general} with the given dimension numbers. */
    public static Gemm dotGeneral(ArrayType lhs, ArrayType rhs, Ints lhsContracting, Ints rhsContracting,
                                  Ints lhsBatch, Ints rhsBatch) {
        int[] lo = order(lhs.rank(), lhsBatch, lhsContracting, false);
        int[] ro = order(rhs.rank(), rhsBatch, rhsContracting, true);
        int b = size(lhs, lhsBatch.values());
        int kk = size(lhs, lhsContracting.values());
        int mm = lhs.size() / Math.max(1, b * kk);
        int nn = rhs.size() / Math.max(1, b * kk);
        if (b * kk == 0) {
            mm = size(lhs, free(lhs.rank(), lhsBatch, lhsContracting));
            nn = size(rhs, free(rhs.rank(), rhsBatch, rhsContracting));
        }
        return new Gemm(Ints.of(lo), Ints.of(ro), b, mm, nn, kk, lhsBatch.size(), lhsContracting.size());
    }

    /**
     * Whether transposing this product's result by {@code perm} swaps its lhs-free and rhs-free
     * dimensions (each group in order, batch dimensions first and unmoved), so that the transposed
     * result is {@link #swapped()}'s.
     */
    public boolean isSwap(Ints perm) {
        if ((long) batch * m * n * k == 0) return false;
        int nb = batchDims, nl = lhsOrder.size() - nb - contractingDims, nr = perm.size() - nb - nl;
        if (nl < 0 || nr < 0 || nl + nr == 0) return false;
        for (int i = 0; i < perm.size(); i++) {
            int want = i < nb ? i : i < nb + nr ? nb + nl + (i - nb) : nb + (i - nb - nr);
            if (perm.get(i) != want) return false;
        }
        return true;
    }

    /** The product of the operands in the other order: the transpose of this one's [m, n] result. */
    public Gemm swapped() {
        int nb = batchDims, nc = contractingDims;
        int[] lo = lhsOrder.values(), ro = rhsOrder.values();
        int[] newLhs = new int[ro.length], newRhs = new int[lo.length];
        int i = 0;
        for (int d = 0; d < nb; d++) newLhs[i++] = ro[d];
        for (int d = nb + nc; d < ro.length; d++) newLhs[i++] = ro[d];
        for (int d = nb; d < nb + nc; d++) newLhs[i++] = ro[d];
        i = 0;
        for (int d = 0; d < nb; d++) newRhs[i++] = lo[d];
        for (int d = lo.length - nc; d < lo.length; d++) newRhs[i++] = lo[d];
        for (int d = nb; d < lo.length - nc; d++) newRhs[i++] = lo[d];
        return new Gemm(Ints.of(newLhs), Ints.of(newRhs), batch, n, m, k, nb, nc);
    }

    private static int[] free(int rank, Ints batch, Ints contracting) {
        return java.util.stream.IntStream.range(0, rank).filter(d -> !batch.contains(d) && !contracting.contains(d)).toArray();
    }

    private static int[] order(int rank, Ints batch, Ints contracting, boolean contractingFirst) {
        int[] f = free(rank, batch, contracting);
        int[] out = new int[rank];
        int i = 0;
        for (int d : batch.values()) out[i++] = d;
        if (contractingFirst) for (int d : contracting.values()) out[i++] = d;
        for (int d : f) out[i++] = d;
        if (!contractingFirst) for (int d : contracting.values()) out[i++] = d;
        return out;
    }

    private static int size(ArrayType t, int[] dims) {
        int s = 1;
        for (int d : dims) s *= t.shape().dim(d);
        return s;
    }

    @Override
    public String describe() { return "gemm[batch=" + batch + " m=" + m + " n=" + n + " k=" + k + "]"; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        return run(in, out, threads, new Object[1]);
    }

    /** Results never alias the operands; an offered float32 result array is overwritten. */
    @Override
    public boolean recyclable() { return true; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads, Object[] into) {
        ArrayType t = out.getFirst();
        if (t.dtype() == DType.FLOAT32 && VectorEmitter.AVAILABLE) {
            float[] c = into[0] instanceof float[] f && f.length == t.size() ? f : new float[t.size()];
            if (k == 0) java.util.Arrays.fill(c, 0f);
            GemmBlocked.multiply(operand(in.get(0), lhsOrder, m, k, lhsOrder.size() - batchDims - contractingDims),
                    operand(in.get(1), rhsOrder, k, n, contractingDims), c, batch, m, n, k,
                    threads);
            return List.of(DenseArray.wrap(t, c));
        }
        Object a = Permute.toOrder(in.get(0), lhsOrder);
        Object b = Permute.toOrder(in.get(1), rhsOrder);
        Object c = Storage.allocate(t.dtype(), t.size());
        long work = (long) m * n * k;
        Parallel.forRange(batch * m, Math.max(1, work / Math.max(1, m)), threads, (lo, hi) -> rows(a, b, c, lo, hi));
        return List.of(DenseArray.wrap(t, c));
    }

    /**
     * {@code x} as a strided [batch, rows, cols] float32 matrix, its dimensions taken in {@code order}:
     * read in place when each of the three groups of dimensions collapses to one stride, else copied.
     */
    private GemmBlocked.Operand operand(DenseArray x, Ints order, int rows, int cols, int rowDims) {
        int[] dims = x.type().shape().dims(), strides = x.type().shape().strides();
        int[] groupEnd = {batchDims, batchDims + rowDims, order.size()}, groupStride = new int[3];
        int d = 0;
        boolean ok = true;
        for (int g = 0; g < 3; g++) {
            int stride = 0;
            boolean first = true;
            for (; d < groupEnd[g]; d++) {
                int dim = order.get(d);
                if (dims[dim] == 1) continue;
                if (!first && stride != strides[dim] * dims[dim]) ok = false;
                stride = strides[dim];
                first = false;
            }
            groupStride[g] = stride;
        }
        if (ok) return new GemmBlocked.Operand((float[]) x.buffer(), 0, groupStride[0], groupStride[1], groupStride[2]);
        return new GemmBlocked.Operand((float[]) Permute.toOrder(x, order), 0, rows * cols, cols, 1);
    }

    /** Rows {@code [lo, hi)} of the batched product (row r is row r % m of batch r / m). */
    private void rows(Object a, Object b, Object c, int lo, int hi) {
        while (lo < hi) {
            int bi = lo / Math.max(1, m), r0 = lo % Math.max(1, m);
            int r1 = Math.min(m, r0 + (hi - lo));
            int ao = bi * m * k, bo = bi * k * n, co = bi * m * n;
            if (a instanceof float[] af) {
                GemmScalar.multiply(af, ao, (float[]) b, bo, (float[]) c, co, r0, r1, n, k);
            } else {
                if (VectorEmitter.AVAILABLE) GemmSimd.multiply((double[]) a, ao, (double[]) b, bo, (double[]) c, co, r0, r1, n, k);
                else GemmScalar.multiply((double[]) a, ao, (double[]) b, bo, (double[]) c, co, r0, r1, n, k);
            }
            lo += r1 - r0;
        }
    }
}
