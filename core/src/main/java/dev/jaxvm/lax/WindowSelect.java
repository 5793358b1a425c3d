package dev.jaxvm.lax;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;

/**
 * The selection shared by {@code select_and_scatter_add} and {@code select_and_gather_add}: for each
 * window of the operand, the flat index of the element that wins {@code ge} (max) or {@code le}
 * (min), the first one on ties. Padding and dilation holes take part with the reduction's identity
 * and yield -1 when they win (as on XLA's CPU, which pads with the identity).
 */
final class WindowSelect {
    private WindowSelect() {}

    static int[] select(DenseArray operand, Shape windows, SelectAndScatterAdd.Select prim, Ints windowDimensions,
            Ints windowStrides, Pads padding, Ints baseDilation, Ints windowDilation) {
        return select(operand, windows, prim, windowDimensions, windowStrides, padding, baseDilation, windowDilation,
                Ranges.SEQUENTIAL);
    }

    /** As the reference selection, the windows run through {@code ranges}. */
    static int[] select(DenseArray operand, Shape windows, SelectAndScatterAdd.Select prim, Ints windowDimensions,
            Ints windowStrides, Pads padding, Ints baseDilation, Ints windowDilation, Ranges ranges) {
        int r = windows.rank();
        int[][] tab = WindowReduce.tables(operand.type().shape(), windows, windowDimensions, windowStrides, padding,
                baseDilation, windowDilation);
        int[] wd = windowDimensions.values();
        int wTotal = 1;
        for (int w : wd) wTotal *= w;
        int windowSize = wTotal;
        boolean floating = operand.dtype().isFloating();
        boolean unsigned = operand.dtype().isUnsigned();
        double[] xd = floating ? ConvKernel.toDoubles(operand) : null;
        long[] xl = floating ? null : ConvKernel.toLongs(operand);
        WindowReduce.Monoid monoid = prim == SelectAndScatterAdd.Select.GE ? WindowReduce.Monoid.MAX : WindowReduce.Monoid.MIN;
        double padD = WindowReduce.identityDouble(monoid);
        long padL = WindowReduce.identityLong(monoid, operand.dtype());
        boolean ge = prim == SelectAndScatterAdd.Select.GE;
        int[] out = new int[windows.size()];
        ranges.run(out.length, windowSize * r, (lo, hi) -> {
            int[] op = new int[r];
            int[] ww = new int[r];
            for (int i = lo; i < hi; i++) {
                IndexMaps.unravel(i, windows.dims(), op);
                java.util.Arrays.fill(ww, 0);
                int sel = -2;
                double selD = 0;
                long selL = 0;
                for (int w = 0; w < windowSize; w++) {
                    int off = 0;
                    for (int d = 0; d < r; d++) {
                        int v = tab[d][op[d] * wd[d] + ww[d]];
                        if (v < 0) {
                            off = -1;
                            break;
                        }
                        off += v;
                    }
                    double cd = floating ? (off < 0 ? padD : xd[off]) : 0;
                    long cl = floating ? 0 : (off < 0 ? padL : xl[off]);
                    boolean keep;
                    if (sel == -2) keep = false;
                    else if (floating) keep = ge ? selD >= cd : selD <= cd;
                    else {
                        int c = unsigned ? Long.compareUnsigned(selL, cl) : Long.compare(selL, cl);
                        keep = ge ? c >= 0 : c <= 0;
                    }
                    if (!keep) {
                        sel = off;
                        selD = cd;
                        selL = cl;
                    }
                    for (int d = r - 1; d >= 0; d--) {
                        if (++ww[d] < wd[d]) break;
                        ww[d] = 0;
                    }
                }
                out[i] = sel < 0 ? -1 : sel;
            }
        });
        return out;
    }
}
