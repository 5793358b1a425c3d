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
