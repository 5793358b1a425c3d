package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;
import java.util.Random;

/** Autodiff and batching samples of the windowed primitives (conv, window reductions, pooling gradients). */
final class ConvSamples {
    private ConvSamples() {}

    private static Ints i(int... v) { return Ints.of(v); }

    private static Pads pads(int... loHi) {
        int n = loHi.length / 2;
        int[][] p = new int[n][];
        for (int k = 0; k < n; k++) p[k] = new int[] {loHi[2 * k], loHi[2 * k + 1]};
        return Pads.of(p);
    }

    /** Convolutions: 1-D dilated, 2-D strided NHWC grouped, 2-D batch-grouped, 3-D. */
    static List<AdSamples.Sample> conv(Random r) {
        return List.of(
                new AdSamples.Sample(new ConvGeneralDilated(i(2), pads(1, 2), i(2), i(2), ConvDimensionNumbers.defaults(3),
                        1, 1, null, null), List.of(AdSamples.f64(r, 2, 2, 5), AdSamples.f64(r, 3, 2, 2)), List.of(0, 1)),
                new AdSamples.Sample(new ConvGeneralDilated(i(2, 1), pads(1, 1, 0, 1), i(1, 1), i(1, 2),
                        ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC"), 2, 1, null, null),
                        List.of(AdSamples.f64(r, 1, 5, 6, 4), AdSamples.f64(r, 3, 2, 2, 4)), List.of(0, 1)),
                new AdSamples.Sample(new ConvGeneralDilated(i(1, 1), pads(0, 0, 1, 0), i(1, 1), i(1, 1),
                        ConvDimensionNumbers.defaults(4), 1, 2, null, null),
                        List.of(AdSamples.f64(r, 4, 2, 4, 3), AdSamples.f64(r, 6, 2, 2, 2)), List.of(0, 1)),
                new AdSamples.Sample(new ConvGeneralDilated(i(1, 2, 1), pads(1, 0, 0, 1, 1, 1), i(1, 1, 1), i(1, 1, 1),
                        ConvDimensionNumbers.defaults(5), 1, 1, null, null),
                        List.of(AdSamples.f64(r, 1, 2, 3, 4, 3), AdSamples.f64(r, 2, 2, 2, 2, 2)), List.of(0, 1)));
    }

    static List<AdSamples.Sample> reduceWindowSum(Random r) {
        return List.of(
                new AdSamples.Sample(new ReduceWindowSum(i(1, 1), pads(0, 0, 0, 0), i(1, 1), i(2, 2), i(2, 2)),
                        List.of(AdSamples.f64(r, 4, 6)), List.of(0)),
                new AdSamples.Sample(new ReduceWindowSum(i(2, 1), pads(1, 2, 0, 1), i(1, 2), i(2, 3), i(1, 2)),
                        List.of(AdSamples.f64(r, 5, 6)), List.of(0)));
    }

    /** Distinct values, so that the window maxima are unique and the derivative is defined. */
    private static Array distinct(Random r, int... shape) {
        DenseArray a = AdSamples.f64(r, shape);
        double[] v = a.toDoubleArray();
        for (int k = 0; k < v.length; k++) v[k] = k * 0.37 % 1.9 + 0.01 * v[k];
        java.util.List<Double> l = new java.util.ArrayList<>();
        for (double d : v) l.add(d);
        java.util.Collections.shuffle(l, r);
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) out[k] = l.get(k);
        return DenseArray.of(a.type(), out);
    }

    static List<AdSamples.Sample> reduceWindowMax(Random r) {
        return List.of(new AdSamples.Sample(new ReduceWindowMax(i(1, 1), pads(1, 0, 0, 1), i(1, 1), i(2, 3), i(2, 1)),
                List.of(distinct(r, 5, 6)), List.of()));
    }

    static List<AdSamples.Sample> reduceWindowMin(Random r) {
        return List.of(new AdSamples.Sample(new ReduceWindowMin(i(1, 1), pads(0, 0, 0, 0), i(1, 1), i(2, 2), i(2, 2)),
                List.of(distinct(r, 4, 6)), List.of()));
    }

    static List<AdSamples.Sample> selectAndScatterAdd(Random r) {
        return List.of(new AdSamples.Sample(new SelectAndScatterAdd(pads(0, 1, 1, 1), SelectAndScatterAdd.Select.GE,
                i(2, 3), i(2, 2)), List.of(AdSamples.f64(r, 3, 3), distinct(r, 5, 5)), List.of(0)));
    }

    static List<AdSamples.Sample> selectAndGatherAdd(Random r) {
        return List.of(new AdSamples.Sample(new SelectAndGatherAdd(i(1, 1), pads(0, 1, 1, 1), SelectAndScatterAdd.Select.GE,
                i(1, 1), i(2, 3), i(2, 2)), List.of(AdSamples.f64(r, 5, 5), distinct(r, 5, 5)), List.of(0)));
    }
}
