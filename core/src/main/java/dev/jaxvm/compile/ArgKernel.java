package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code argmax} and {@code argmin}: a reduction that carries the index, along one axis, the lines
 * split over the cores. The first index wins ties; a NaN wins over every number (its first index is
 * returned), as in JAX.
 *
 * @param max whether the largest (else the smallest) element is wanted
 * @param axis the reduced axis
 */
public record ArgKernel(boolean max, int axis) implements LibraryKernel {

    @Override
    public String describe() { return (max ? "argmax" : "argmin") + "[axis=" + axis + "]"; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        DenseArray x = in.getFirst();
        DType t = x.dtype();
        ArrayType ot = out.getFirst();
        Lines lines = Lines.along(x.type().shape(), axis);
        int n = lines.n(), stride = lines.inner();
        Object dst = Storage.allocate(ot.dtype(), ot.size());
        lines.forEach(threads, n, (lo, hi) -> {
            double[] d = t.isFloating() ? new double[n] : null;
            long[] l = t.isFloating() ? null : new long[n];
            for (int line = lo; line < hi; line++) {
                int base = lines.base(line);
                int best;
                if (stride == 1 && x.buffer() instanceof float[] f) {
                    best = arg(f, base, n, max);
                } else if (d != null) {
                    Lines.load(t, x.buffer(), base, stride, d);
                    best = arg(d, max);
                } else {
                    Lines.load(t, x.buffer(), base, stride, l);
                    best = arg(l, t.isUnsigned());
                }
                Storage.setLong(ot.dtype(), dst, line, best);
            }
        });
        return List.of(DenseArray.wrap(ot, dst));
    }

    /**
     * {@link #arg(double[], boolean)} on the contiguous float32 line at
     * {@code base} (no copy): with the Vector API, the extreme value first ({@link ArgSimd}: NaN
     * propagates), then its first index ({@code ==} also matches a {@code -0.0} for {@code 0.0}, as
     * the one-pass rule keeps the first of equal zeros); else one scalar pass.
     */
    private static int arg(float[] v, int base, int n, boolean max) {
        if (VectorEmitter.AVAILABLE) {
            float m = ArgSimd.extreme(v, base, n, max);
            return m == m ? ArgSimd.first(v, base, n, m) : firstNaN(v, base, n);
        }
        int best = 0;
        float b = v[base];
        if (b != b) return 0;
        for (int i = 1; i < n; i++) {
            float c = v[base + i];
            if (max ? c > b : c < b) { b = c; best = i; }
            else if (c != c) return i;
        }
        return best;
    }

    private static int firstNaN(float[] v, int base, int n) {
        for (int i = 0; i < n; i++) if (v[base + i] != v[base + i]) return i;
        return 0;
    }

    /** The index of the first maximum ({@code max}) or minimum, or of the first NaN. */
    private static int arg(double[] v, boolean max) {
        int best = 0;
        double b = v[0];
        if (b != b) return 0;
        for (int i = 1; i < v.length; i++) {
            double c = v[i];
            if (c != c) return i;
            if (max ? c > b : c < b) { b = c; best = i; }
        }
        return best;
    }

    private int arg(long[] v, boolean unsigned) {
        long flip = unsigned ? Long.MIN_VALUE : 0;   // unsigned order as signed order of the flipped values
        int best = 0;
        long b = v[0] ^ flip;
        for (int i = 1; i < v.length; i++) {
            long c = v[i] ^ flip;
            if (max ? c > b : c < b) { b = c; best = i; }
        }
        return best;
    }
}
