package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code qr}: the QR decomposition of each matrix of a {@code (..., m, n)} float operand, by
 * Householder reflections with LAPACK's sign convention ({@code R[j, j] = -sign(a) ||x||}), computed
 * in double precision and rounded to the operand dtype, so values agree with JAX's LAPACK
 * {@code geqrf}/{@code orgqr} to rounding. Outputs {@code q} {@code (..., m, k)} and {@code r}
 * {@code (..., k, n)} with {@code k = min(m, n)}, or {@code k = m} when {@code fullMatrices}.
 *
 * @param fullMatrices whether q is square ({@code m x m})
 */
public record Qr(boolean fullMatrices) implements LinalgPrimitive, Differentiable, Batchable, Lowerable {
    @Override
    public String name() { return "qr"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("full_matrices", fullMatrices), new Param("pivoting", false),
                new Param("use_magma", null));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 1) throw new IllegalArgumentException("qr takes one operand, got " + in.size());
        ArrayType x = in.getFirst();
        int[] d = x.shape().dims();
        if (d.length < 2) throw new IllegalArgumentException("qr: argument must have rank >= 2, got shape " + x.shape());
        if (!x.dtype().isFloating()) throw new IllegalArgumentException("qr: argument must be floating point, got " + x.dtype());
        int m = d[d.length - 2];
        int n = d[d.length - 1];
        int k = fullMatrices ? m : Math.min(m, n);
        int[] qs = d.clone();
        qs[d.length - 1] = k;
        int[] rs = d.clone();
        rs[d.length - 2] = k;
        return List.of(new ArrayType(new Shape(qs), x.dtype(), false), new ArrayType(new Shape(rs), x.dtype(), false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference Householder factorisation, the matrices of the batch split over the compiler's pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DenseArray x = in.getFirst();
        int[] d = x.type().shape().dims();
        int m = d[d.length - 2];
        int n = d[d.length - 1];
        int k = fullMatrices ? m : Math.min(m, n);
        int p = Math.min(m, n);
        int mats = m * n == 0 ? 0 : x.size() / (m * n);
        ArrayType qt = out.get(0);
        ArrayType rt = out.get(1);
        Object qd = Storage.allocate(qt.dtype(), qt.size());
        Object rd = Storage.allocate(rt.dtype(), rt.size());
        ranges.run(mats, (long) m * n * Math.max(m, n), (lo, hi) -> {
            double[] a = new double[m * n];
            double[][] v = new double[p][];
            double[] tau = new double[p];
            for (int b = lo; b < hi; b++) {
                for (int i = 0; i < m * n; i++) a[i] = x.getDouble(b * m * n + i);
                for (int j = 0; j < p; j++) {
                    double below = 0;   // LAPACK dlarfg: no reflection when the column below the diagonal is zero
                    for (int i = j + 1; i < m; i++) below += a[i * n + j] * a[i * n + j];
                    double alpha = a[j * n + j];
                    double norm = Math.sqrt(alpha * alpha + below);
                    double[] h = new double[m];
                    if (below == 0) {
                        tau[j] = 0;
                        v[j] = h;
                        continue;
                    }
                    double beta = -Math.copySign(norm, alpha);
                    tau[j] = (beta - alpha) / beta;
                    h[j] = 1;
                    for (int i = j + 1; i < m; i++) h[i] = a[i * n + j] / (alpha - beta);
                    v[j] = h;
                    for (int c = j; c < n; c++) {   // a = (I - tau h h^T) a
                        double s = 0;
                        for (int i = j; i < m; i++) s += h[i] * a[i * n + c];
                        s *= tau[j];
                        for (int i = j; i < m; i++) a[i * n + c] -= s * h[i];
                    }
                    a[j * n + j] = beta;
                    for (int i = j + 1; i < m; i++) a[i * n + j] = 0;
                }
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < n; c++) {
                        Storage.setDouble(rt.dtype(), rd, b * k * n + r * n + c, r < m && c >= r ? a[r * n + c] : 0);
                    }
                }
                double[] q = new double[m * k];   // q = H_0 ... H_{p-1} applied to I[:, :k]
                for (int i = 0; i < Math.min(m, k); i++) q[i * k + i] = 1;
                for (int j = p - 1; j >= 0; j--) {
                    double[] h = v[j];
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int i = j; i < m; i++) s += h[i] * q[i * k + c];
                        s *= tau[j];
                        for (int i = j; i < m; i++) q[i * k + c] -= s * h[i];
                    }
                }
                for (int i = 0; i < m * k; i++) Storage.setDouble(qt.dtype(), qd, b * m * k + i, q[i]);
            }
        });
        return List.of(DenseArray.wrap(qt, qd), DenseArray.wrap(rt, rd));
    }

    /** It factors every matrix of the leading dimensions: the batch goes first. */
    @Override
    public Batched batch(List<dev.jaxvm.Array> args, dev.jaxvm.core.Ints dims) { return BatchRules.leadingBatch(this, args, dims); }

    /**
     * JAX's rule: with {@code C = Q^T dA R^-1} and {@code Ω = tril(C, -1) - tril(C, -1)^T},
     * {@code dQ = Q (Ω - C) + dA R^-1} and {@code dR = (C - Ω) R}; defined for {@code m >= n} (and
     * square {@code a} when {@code fullMatrices}), as in JAX.
     */
    @Override
    public Jvp jvp(List<dev.jaxvm.Array> primals, List<dev.jaxvm.Array> tangents) {
        dev.jaxvm.Array x = primals.getFirst();
        int[] d = x.shape();
        int m = d[d.length - 2];
        int n = d[d.length - 1];
        if (m < n || (fullMatrices && m != n)) {
            throw new UnsupportedOperationException("Unimplemented case of QR decomposition derivative");
        }
        List<dev.jaxvm.Array> qr = Lax.qr(x, false);
        dev.jaxvm.Array q = qr.get(0);
        dev.jaxvm.Array r = qr.get(1);
        dev.jaxvm.Array dxRinv = LaxLinalg.triangularSolve(r, tangents.getFirst(), false, false, false, false, false);
        dev.jaxvm.Array c = LinalgAd.matmul(LinalgAd.mT(q), dxRinv);
        dev.jaxvm.Array lowerC = LinalgAd.tril(c, -1);
        dev.jaxvm.Array omega = Lax.sub(lowerC, LinalgAd.mT(lowerC));
        dev.jaxvm.Array dq = Lax.add(LinalgAd.matmul(q, Lax.sub(omega, c)), dxRinv);
        dev.jaxvm.Array dr = LinalgAd.matmul(Lax.sub(c, omega), r);
        return new Jvp(List.of(q, r), List.of(dq, dr));
    }
}
