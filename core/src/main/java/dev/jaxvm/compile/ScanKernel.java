package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * The cumulative reductions ({@code cumsum}, {@code cumprod}, {@code cummax}, {@code cummin},
 * {@code cumlogsumexp}) as a scan along one axis, the lines split over the cores. Each step is
 * rounded to the dtype, in order, so results are those of the reference evaluation bit for bit.
 *
 * {@snippet :
 * LibraryKernel k = new ScanKernel(ScanKernel.Op.SUM, 1, false);   // cumsum along axis 1
 * }
 *
 * @param op the step
 * @param axis the scanned axis
 * @param reverse whether the scan runs from the last element
 */
public record ScanKernel(Op op, int axis, boolean reverse) implements LibraryKernel {

    /** The step of a scan. */
    public enum Op {
        /** Running sum. */
        SUM,
        /** Running product. */
        PROD,
        /** Running maximum (NaN propagates). */
        MAX,
        /** Running minimum (NaN propagates). */
        MIN,
        /** Running log-sum-exp (floats only). */
        LOGSUMEXP
    }

    @Override
    public String describe() { return "scan[" + op.name().toLowerCase() + " axis=" + axis + (reverse ? " reverse" : "") + "]"; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        DenseArray x = in.getFirst();
        DType t = x.dtype();
        Lines lines = Lines.along(x.type().shape(), axis);
        int n = lines.n(), stride = lines.inner();
        Object dst = Storage.allocate(t, x.size());
        boolean floating = t.isFloating();
        if (stride > 1 && (t == DType.FLOAT32 || t == DType.FLOAT64 || t == DType.INT32) && op != Op.LOGSUMEXP) {
            rows(x.buffer(), dst, lines, threads);
            return List.of(DenseArray.wrap(out.getFirst(), dst));
        }
        if (stride == 1 && t == DType.FLOAT32 && (op == Op.SUM || op == Op.PROD)) {
            float[] src = (float[]) x.buffer(), d = (float[]) dst;
            lines.forEach(threads, n, (lo, hi) -> {
                for (int line = lo; line < hi; line++) contiguous(src, d, lines.base(line), n);
            });
            return List.of(DenseArray.wrap(out.getFirst(), dst));
        }
        lines.forEach(threads, n, (lo, hi) -> {
            double[] d = floating ? new double[n] : null;
            long[] l = floating ? null : new long[n];
            for (int line = lo; line < hi; line++) {
                int base = lines.base(line);
                if (floating) {
                    Lines.load(t, x.buffer(), base, stride, d);
                    scan(t, d);
                    Lines.store(t, dst, base, stride, d);
                } else {
                    Lines.load(t, x.buffer(), base, stride, l);
                    scan(t, l);
                    Lines.store(t, dst, base, stride, l);
                }
            }
        });
        return List.of(DenseArray.wrap(out.getFirst(), dst));
    }

    /** A float32 sum or product scan of the contiguous line at {@code base}, in float arithmetic (each step rounds as the reference's). */
    private void contiguous(float[] src, float[] d, int base, int n) {
        if (n == 0) return;
        int first = reverse ? base + n - 1 : base, step = reverse ? -1 : 1;
        float acc = src[first];
        d[first] = acc;
        boolean sum = op == Op.SUM;
        for (int s = 1, i = first + step; s < n; s++, i += step) {
            acc = sum ? acc + src[i] : acc * src[i];
            d[i] = acc;
        }
    }

    /** Columns per task of the row-wise scan. */
    private static final int BLOCK = 512;

    /**
     * The scan of an inner axis (stride > 1) row by row: each row of {@code inner} contiguous elements
     * is combined with the running row, so the loads and stores are contiguous and C2 vectorises the
     * inner loop. Tasks are (outer index, block of columns) pairs; each column's steps stay in order.
     */
    private void rows(Object src, Object dst, Lines lines, int threads) {
        int n = lines.n(), inner = lines.inner();
        int blocks = (inner + BLOCK - 1) / BLOCK;
        Parallel.forRange(lines.outer() * blocks, (long) n * Math.min(inner, BLOCK), threads, (lo, hi) -> {
            for (int task = lo; task < hi; task++) {
                int o = task / blocks, c0 = (task % blocks) * BLOCK, c1 = Math.min(inner, c0 + BLOCK);
                for (int s = 0; s < n; s++) {
                    int i = reverse ? n - 1 - s : s;
                    int at = (o * n + i) * inner, prev = reverse ? at + inner : at - inner;
                    if (s == 0) System.arraycopy(src, at + c0, dst, at + c0, c1 - c0);
                    else step(src, dst, at, prev, c0, c1);
                }
            }
        });
    }

    /** {@code dst[at + j] = dst[prev + j] (op) src[at + j]} for the columns {@code [c0, c1)}. */
    private void step(Object src, Object dst, int at, int prev, int c0, int c1) {
        switch (dst) {
            case float[] d -> {
                float[] x = (float[]) src;
                switch (op) {
                    case SUM -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] + x[at + j]; }
                    case PROD -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] * x[at + j]; }
                    case MAX -> { for (int j = c0; j < c1; j++) d[at + j] = (float) ScalarOp.MAX.applyDouble(d[prev + j], x[at + j]); }
                    case MIN -> { for (int j = c0; j < c1; j++) d[at + j] = (float) ScalarOp.MIN.applyDouble(d[prev + j], x[at + j]); }
                    case LOGSUMEXP -> throw new IllegalStateException("not a row-wise scan");
                }
            }
            case double[] d -> {
                double[] x = (double[]) src;
                switch (op) {
                    case SUM -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] + x[at + j]; }
                    case PROD -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] * x[at + j]; }
                    case MAX -> { for (int j = c0; j < c1; j++) d[at + j] = ScalarOp.MAX.applyDouble(d[prev + j], x[at + j]); }
                    case MIN -> { for (int j = c0; j < c1; j++) d[at + j] = ScalarOp.MIN.applyDouble(d[prev + j], x[at + j]); }
                    case LOGSUMEXP -> throw new IllegalStateException("not a row-wise scan");
                }
            }
            case int[] d -> {
                int[] x = (int[]) src;
                switch (op) {
                    case SUM -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] + x[at + j]; }
                    case PROD -> { for (int j = c0; j < c1; j++) d[at + j] = d[prev + j] * x[at + j]; }
                    case MAX -> { for (int j = c0; j < c1; j++) d[at + j] = Math.max(d[prev + j], x[at + j]); }
                    case MIN -> { for (int j = c0; j < c1; j++) d[at + j] = Math.min(d[prev + j], x[at + j]); }
                    case LOGSUMEXP -> throw new IllegalStateException("not a row-wise scan");
                }
            }
            default -> throw new IllegalStateException("no row-wise scan of " + dst.getClass().getSimpleName());
        }
    }

    private void scan(DType t, double[] v) {
        int n = v.length;
        if (n == 0) return;
        int first = reverse ? n - 1 : 0, step = reverse ? -1 : 1;
        double acc = v[first];
        for (int s = 1, i = first + step; s < n; s++, i += step) {
            double x = v[i];
            acc = switch (op) {
                case SUM -> acc + x;
                case PROD -> acc * x;
                case MAX -> ScalarOp.MAX.applyDouble(acc, x);
                case MIN -> ScalarOp.MIN.applyDouble(acc, x);
                case LOGSUMEXP -> logAddExp(acc, x);
            };
            acc = Lines.round(t, acc);
            v[i] = acc;
        }
    }

    /** Integer steps wrap as the stores truncate (sums and products are exact modulo 2^64). */
    private void scan(DType t, long[] v) {
        int n = v.length;
        if (n == 0) return;
        int first = reverse ? n - 1 : 0, step = reverse ? -1 : 1;
        long acc = v[first];
        for (int s = 1, i = first + step; s < n; s++, i += step) {
            long x = v[i];
            acc = switch (op) {
                case SUM -> acc + x;
                case PROD -> acc * x;
                case MAX -> ScalarOp.MAX.applyLong(t, acc, x);
                case MIN -> ScalarOp.MIN.applyLong(t, acc, x);
                case LOGSUMEXP -> throw new IllegalStateException("cumlogsumexp on integers");
            };
            v[i] = acc;
        }
    }

    /** {@code log(exp(a) + exp(b))} without overflow, as the reference evaluation computes it. */
    static double logAddExp(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
