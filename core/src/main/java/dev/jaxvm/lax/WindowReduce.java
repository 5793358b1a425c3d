package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;

/** Shape rule and reference evaluation shared by {@code reduce_window_sum}, {@code _max} and {@code _min}. */
final class WindowReduce {
    private WindowReduce() {}

    /** The monoids of the window reductions. */
    enum Monoid { SUM, MAX, MIN }

    /** {@code _common_reduce_window_shape_rule}. */
    static ArrayType shape(String name, ArrayType x, Ints windowDimensions, Ints windowStrides, Pads padding,
            Ints baseDilation, Ints windowDilation) {
        WindowShapes.checkShapelike("reduce_window", "window_dimensions", windowDimensions, true);
        WindowShapes.checkShapelike("reduce_window", "window_strides", windowStrides, true);
        WindowShapes.checkShapelike("reduce_window", "base_dilation", baseDilation, true);
        WindowShapes.checkShapelike("reduce_window", "window_dilation", windowDilation, true);
        int r = x.rank();
        if (windowDimensions.size() != r) {
            throw new IllegalArgumentException("reduce_window got the wrong number of window_dimensions for operand: got"
                    + " operand shape " + x.shape() + " with window_dimensions " + windowDimensions + ".");
        }
        if (windowStrides.size() != r) {
            throw new IllegalArgumentException("reduce_window got inconsistent window_strides and window_dimensions: got"
                    + " window_strides " + windowStrides + " and window_dimensions " + windowDimensions + ".");
        }
        if (baseDilation.size() != r) {
            throw new IllegalArgumentException("reduce_window got inconsistent base_dilation and window_dimensions: got"
                    + " base_dilation " + baseDilation + " and window_dimensions " + windowDimensions + ".");
        }
        if (windowDilation.size() != r) {
            throw new IllegalArgumentException("reduce_window got inconsistent window_dilation and window_dimensions: got"
                    + " window_dilation " + windowDilation + " and window_dimensions " + windowDimensions + ".");
        }
        if (padding.size() != r) {
            throw new IllegalArgumentException(name + ": padding " + padding + " must have one (low, high) pair per"
                    + " dimension of the operand shape " + x.shape());
        }
        int[] d = new int[r];
        for (int k = 0; k < r; k++) {
            int padded = WindowShapes.dilate(x.shape().dim(k), baseDilation.get(k)) + padding.lo(k) + padding.hi(k);
            if (padded < 0) {
                throw new IllegalArgumentException(name + ": negative padding " + padding + " is larger than the operand"
                        + " shape " + x.shape());
            }
            d[k] = WindowShapes.strideDim(padded, WindowShapes.dilate(windowDimensions.get(k), windowDilation.get(k)),
                    windowStrides.get(k));
        }
        return x.withShape(new Shape(d));
    }

    /**
     * For each output position along each dimension and each window offset, the operand offset
     * (index times stride) it reads, or -1 for padding and dilation holes.
     */
    static int[][] tables(Shape in, Shape out, Ints windowDimensions, Ints windowStrides, Pads padding, Ints baseDilation,
            Ints windowDilation) {
        int r = in.rank();
        int[] strides = in.strides();
        int[][] tab = new int[r][];
        for (int d = 0; d < r; d++) {
            int k = windowDimensions.get(d);
            int bd = baseDilation.get(d);
            int dil = WindowShapes.dilate(in.dim(d), bd);
            tab[d] = new int[out.dim(d) * k];
            for (int o = 0; o < out.dim(d); o++) {
                for (int w = 0; w < k; w++) {
                    int pos = o * windowStrides.get(d) + w * windowDilation.get(d) - padding.lo(d);
                    tab[d][o * k + w] = pos < 0 || pos >= dil || pos % bd != 0 ? -1 : (pos / bd) * strides[d];
                }
            }
        }
        return tab;
    }

    static DenseArray evaluate(Monoid m, DenseArray x, ArrayType out, Ints windowDimensions, Ints windowStrides,
            Pads padding, Ints baseDilation, Ints windowDilation) {
        return evaluate(m, x, out, windowDimensions, windowStrides, padding, baseDilation, windowDilation, Ranges.SEQUENTIAL);
    }

    /** As the reference evaluation, the output positions run through {@code ranges}. */
    static DenseArray evaluate(Monoid m, DenseArray x, ArrayType out, Ints windowDimensions, Ints windowStrides,
            Pads padding, Ints baseDilation, Ints windowDilation, Ranges ranges) {
        Shape os = out.shape();
        int r = os.rank();
        int[][] tab = tables(x.type().shape(), os, windowDimensions, windowStrides, padding, baseDilation, windowDilation);
        int[] wd = windowDimensions.values();
        int wTotal = 1;
        for (int w : wd) wTotal *= w;
        int windowSize = wTotal;
        DType t = out.dtype();
        Object dst = Storage.allocate(t, out.size());
        boolean floating = t.isFloating();
        boolean unsigned = t.isUnsigned();
        double[] xd = floating ? ConvKernel.toDoubles(x) : null;
        long[] xl = floating ? null : ConvKernel.toLongs(x);
        ranges.run(out.size(), windowSize * r, (lo, hi) -> {
            int[] op = new int[r];
            int[] ww = new int[r];
            for (int i = lo; i < hi; i++) {
                IndexMaps.unravel(i, os.dims(), op);
                double accD = identityDouble(m);
                long accL = identityLong(m, t);
                java.util.Arrays.fill(ww, 0);
                for (int w = 0; w < windowSize; w++) {
                    int off = 0;
                    boolean valid = true;
                    for (int d = 0; d < r; d++) {
                        int v = tab[d][op[d] * wd[d] + ww[d]];
                        if (v < 0) {
                            valid = false;
                            break;
                        }
                        off += v;
                    }
                    if (valid) {
                        if (floating) {
                            double v = xd[off];
                            accD = switch (m) {
                                case SUM -> accD + v;
                                case MAX -> Math.max(accD, v);
                                case MIN -> Math.min(accD, v);
                            };
                        } else {
                            long v = xl[off];
                            accL = switch (m) {
                                case SUM -> accL + v;
                                case MAX -> (unsigned ? Long.compareUnsigned(accL, v) : Long.compare(accL, v)) >= 0 ? accL : v;
                                case MIN -> (unsigned ? Long.compareUnsigned(accL, v) : Long.compare(accL, v)) <= 0 ? accL : v;
                            };
                        }
                    }
                    for (int d = r - 1; d >= 0; d--) {
                        if (++ww[d] < wd[d]) break;
                        ww[d] = 0;
                    }
                }
                if (floating) Storage.setDouble(t, dst, i, accD);
                else Storage.setLong(t, dst, i, accL);
            }
        });
        return DenseArray.wrap(out, dst);
    }

    static double identityDouble(Monoid m) {
        return switch (m) {
            case SUM -> 0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
    }

    /** The identity of {@code m} for an integer (or bool) dtype, as a value read by {@link Storage#getLong}. */
    static long identityLong(Monoid m, DType t) {
        return switch (m) {
            case SUM -> 0;
            case MAX -> t == DType.BOOL || t.isUnsigned() ? 0 : -(1L << (t.bits() - 1));
            case MIN -> t == DType.BOOL ? 1 : t.isUnsigned() ? (t.bits() == 64 ? -1L : (1L << t.bits()) - 1)
                    : (t.bits() == 64 ? Long.MAX_VALUE : (1L << (t.bits() - 1)) - 1);
        };
    }
}
