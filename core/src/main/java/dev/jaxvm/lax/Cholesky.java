package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code cholesky}: the lower Cholesky factor {@code L} with {@code L L^T = A} of each matrix of a
 * {@code (..., n, n)} float operand (only the lower triangle is read; the upper triangle of the
 * result is zero); a matrix that is not positive definite gives a matrix of NaNs, as JAX on CPU.
 * The evaluation is LAPACK's unblocked {@code potf2} order (dot, square root, scaling by the
 * reciprocal) in the operand's precision, so results agree with JAX's LAPACK {@code potrf} to a few
 * ulps, not bit for bit.
 */
public record Cholesky() implements LinalgPrimitive, Differentiable, Batchable, Lowerable {
    @Override
    public String name() { return "cholesky"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 1) throw new IllegalArgumentException("cholesky takes one operand, got " + in.size());
        ArrayType x = in.getFirst();
        int[] d = x.shape().dims();
        if (d.length < 2 || d[d.length - 1] != d[d.length - 2]) {
            throw new IllegalArgumentException("cholesky: argument must be a batch of square matrices, got shape "
                    + x.shape());
        }
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException("cholesky: argument must be floating point, got " + x.dtype());
        }
        return List.of(x.withWeakType(false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference factorisation, the matrices of the batch split over the compiler's pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        int[] d = t.shape().dims();
        int n = d[d.length - 1];
        int mats = n == 0 ? 0 : t.size() / (n * n);
        boolean f32 = t.dtype() != dev.jaxvm.DType.FLOAT64;
        Object data = Storage.allocate(t.dtype(), t.size());
        ranges.run(mats, (long) n * n * n, (lo, hi) -> {
            double[] a = new double[n * n];
            for (int m = lo; m < hi; m++) {
                int base = m * n * n;
                for (int i = 0; i < n * n; i++) a[i] = x.getDouble(base + i);
                boolean ok = factor(a, n, f32);
                for (int i = 0; i < n * n; i++) {
                    int r = i / n;
                    int c = i % n;
                    Storage.setDouble(t.dtype(), data, base + i, !ok ? Double.NaN : (c > r ? 0 : a[i]));
                }
            }
        });
        return List.of(DenseArray.wrap(t, data));
    }

    /** LAPACK {@code potf2} (lower) in place; false when the matrix is not positive definite. */
    private static boolean factor(double[] a, int n, boolean f32) {
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j];
            for (int k = 0; k < j; k++) s = round(s - round(a[j * n + k] * a[j * n + k], f32), f32);
            if (!(s > 0)) return false;
            double ajj = round(Math.sqrt(s), f32);
            a[j * n + j] = ajj;
            double inv = round(1.0 / ajj, f32);
            for (int i = j + 1; i < n; i++) {
                double v = a[i * n + j];
                for (int k = 0; k < j; k++) v = round(v - round(a[i * n + k] * a[j * n + k], f32), f32);
                a[i * n + j] = round(v * inv, f32);
            }
        }
        return true;
    }

    private static double round(double v, boolean f32) { return f32 ? (float) v : v; }

    /** It factors every matrix of the leading dimensions: the batch goes first. */
    @Override
    public Batched batch(List<dev.jaxvm.Array> args, dev.jaxvm.core.Ints dims) { return BatchRules.leadingBatch(this, args, dims); }

    /**
     * JAX's rule (Murray 2016, arXiv:1602.07527): {@code dL = L phi(L^-1 dA L^-T)}, {@code phi} taking
     * the lower triangle with the diagonal halved; like JAX's, it assumes a symmetric {@code dA}.
     */
    @Override
    public Jvp jvp(List<dev.jaxvm.Array> primals, List<dev.jaxvm.Array> tangents) {
        dev.jaxvm.Array l = Lax.cholesky(primals.getFirst());
        dev.jaxvm.Array tmp = LaxLinalg.triangularSolve(l, tangents.getFirst(), false, true, true, true, false);
        dev.jaxvm.Array inner = LaxLinalg.triangularSolve(l, tmp, true, true, false, false, false);
        return Jvp.of(l, LinalgAd.matmul(l, LinalgAd.phi(inner)));
    }
}
