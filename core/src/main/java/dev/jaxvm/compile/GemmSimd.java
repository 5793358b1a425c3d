package dev.jaxvm.compile;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 matrix-product kernel with the Vector API (float32 has the blocked {@link GemmBlocked}):
 * one vector of a row of C held in a register while k runs, fused multiply-adds. Loaded only when
 * {@code jdk.incubator.vector} is present. Each element sums over k in order (the same result as
 * {@link GemmScalar}, which also uses fused multiply-adds).
 */
final class GemmSimd {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    private GemmSimd() {}

    static void multiply(double[] a, int ao, double[] b, int bo, double[] c, int co, int r0, int r1, int n, int k) {
        int w = D.length();
        int jv = n - n % w;
        for (int i = r0; i < r1; i++) {
            for (int j = 0; j < jv; j += w) {
                DoubleVector acc = DoubleVector.zero(D);
                for (int p = 0, bi = bo + j; p < k; p++, bi += n) {
                    acc = DoubleVector.broadcast(D, a[ao + i * k + p]).fma(DoubleVector.fromArray(D, b, bi), acc);
                }
                acc.intoArray(c, co + i * n + j);
            }
            if (jv < n) GemmScalar.multiplyColumns(a, ao, b, bo, c, co, i, i + 1, n, k, jv);
        }
    }
}
