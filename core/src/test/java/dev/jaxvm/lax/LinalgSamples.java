package dev.jaxvm.lax;

import static dev.jaxvm.lax.AdSamples.f64;
import static dev.jaxvm.lax.AdSamples.uniform;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Autodiff-contract samples of the linear-algebra and special-function primitives (float64, seeded). */
final class LinalgSamples {
    private LinalgSamples() {}

    /** A well-conditioned triangular-friendly matrix batch: random entries plus {@code 3 I}. */
    static DenseArray wellConditioned(Random r, int... shape) {
        DenseArray a = f64(r, shape);
        double[] v = a.toDoubleArray();
        int n = shape[shape.length - 1];
        for (int i = 0; i < v.length; i++) if (i % (n * n) / n == i % n) v[i] += 3;
        return DenseArray.of(a.type(), v);
    }

    /** A symmetric positive-definite batch {@code M M^T + n I}. */
    static DenseArray spd(Random r, int... shape) {
        double[] m = f64(r, shape).toDoubleArray();
        int n = shape[shape.length - 1];
        double[] out = new double[m.length];
        for (int b = 0; b < m.length / (n * n); b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? n : 0;
                    for (int k = 0; k < n; k++) s += m[b * n * n + i * n + k] * m[b * n * n + j * n + k];
                    out[b * n * n + i * n + j] = s;
                }
            }
        }
        return DenseArray.of(ArrayType.of(DType.FLOAT64, shape), out);
    }

    static List<AdSamples.Sample> triangularSolve(Random r) {
        List<AdSamples.Sample> out = new ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            boolean left = (bits & 1) != 0, lower = (bits & 2) != 0, trans = (bits & 4) != 0, unit = (bits & 8) != 0;
            DenseArray a = wellConditioned(r, 2, 3, 3);
            DenseArray b = left ? f64(r, 2, 3, 4) : f64(r, 2, 4, 3);
            out.add(new AdSamples.Sample(new TriangularSolve(left, lower, trans, false, unit), List.of(a, b), List.of(1)));
        }
        return out;
    }

    static List<AdSamples.Sample> cholesky(Random r) {
        return List.of(new AdSamples.Sample(new Cholesky(), List.of(spd(r, 4, 4)), List.of()),
                new AdSamples.Sample(new Cholesky(), List.of(spd(r, 2, 3, 3)), List.of()));
    }

    static List<AdSamples.Sample> qr(Random r) {
        return List.of(new AdSamples.Sample(new Qr(false), List.of(f64(r, 5, 3)), List.of()),
                new AdSamples.Sample(new Qr(true), List.of(f64(r, 2, 4, 4)), List.of()),
                new AdSamples.Sample(new Qr(false), List.of(f64(r, 3, 3)), List.of()));
    }

    static List<AdSamples.Sample> polygamma(Random r) {
        List<AdSamples.Sample> out = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            out.add(new AdSamples.Sample(new Polygamma(), List.of(DenseArray.scalar(DType.FLOAT64, false, m),
                    uniform(r, ArrayType.of(DType.FLOAT64, 2, 3), 0.5, 4)), List.of()));
        }
        out.add(new AdSamples.Sample(new Polygamma(), List.of(DenseArray.of(ArrayType.of(DType.FLOAT64, 3), new double[] {1, 2, 3}),
                uniform(r, ArrayType.of(DType.FLOAT64, 3), -2.7, -2.2)), List.of()));
        return out;
    }

    /** Samples of a binary special function on positive operands (a in [0.5, 4], x in [0.2, 5]), with broadcasting. */
    static List<AdSamples.Sample> positivePair(dev.jaxvm.core.Primitive p, Random r) {
        return List.of(new AdSamples.Sample(p, List.of(uniform(r, ArrayType.of(DType.FLOAT64, 2, 3), 0.5, 4),
                        uniform(r, ArrayType.of(DType.FLOAT64, 2, 3), 0.2, 5)), List.of()),
                new AdSamples.Sample(p, List.of(uniform(r, ArrayType.of(DType.FLOAT64), 0.5, 4),
                        uniform(r, ArrayType.of(DType.FLOAT64, 4), 0.2, 5)), List.of()));
    }
}
