package dev.jaxvm.compile;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked matrix-product kernels with the Vector API: 4 rows by 2 vectors of C held in
 * registers while k runs, each step one broadcast of A per row and fused multiply-adds. Loaded only
 * when {@code jdk.incubator.vector} is present. Each element sums over k in order (the same result
 * as {@link GemmScalar}, which also uses fused multiply-adds).
 */
final class GemmSimd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    private GemmSimd() {}

    /** Rows of A kept hot in the caches while the column tiles of B stream past. */
    private static final int ROW_BLOCK = 64;

    /** The columns of one packed panel of B. */
    static final int PANEL = 16;

    /**
     * B's full 16-column panels, each copied to k consecutive rows of 16 (so the micro-kernel streams
     * them), for the batch at offset {@code bo}.
     */
    static float[] pack(float[] b, int bo, int n, int k) {
        int panels = n / PANEL;
        float[] p = new float[panels * PANEL * k];
        for (int t = 0; t < panels; t++) {
            for (int q = 0; q < k; q++) System.arraycopy(b, bo + q * n + t * PANEL, p, (t * k + q) * PANEL, PANEL);
        }
        return p;
    }

    static void multiply(float[] a, int ao, float[] b, int bo, float[] c, int co, int r0, int r1, int n, int k) {
        multiply(a, ao, b, bo, pack(b, bo, n, k), c, co, r0, r1, n, k);
    }

    /** Rows {@code [r0, r1)} of C = A B, with B's panels packed by {@link #pack}. */
    static void multiply(float[] a, int ao, float[] b, int bo, float[] packed, float[] c, int co, int r0, int r1, int n, int k) {
        int w = F.length();
        int jv = n - n % (2 * w);
        for (int ib = r0; ib < r1; ib += ROW_BLOCK) {
            int ie = Math.min(r1, ib + ROW_BLOCK), i6 = ib + (ie - ib) / 6 * 6, i4 = i6 + (ie - i6) / 4 * 4;
            for (int j = 0; j < jv; j += 2 * w) {
                int pb = (j / PANEL) * k * PANEL;
                for (int i = ib; i < i6; i += 6) tile6(a, ao, packed, pb, c, co, i, j, n, k);
                for (int i = i6; i < i4; i += 4) tile(a, ao, packed, pb, PANEL, c, co, i, j, n, k);
            }
            for (int i = i4; i < ie; i++) row(a, ao, b, bo, c, co, i, jv, n, k);
            if (jv < n) GemmScalar.multiplyColumns(a, ao, b, bo, c, co, ib, i4, n, k, jv);
        }
    }

    /** The 4 x 2w tile of C at (i, j), B's rows read at {@code bo + p * stride}. */
    private static void tile(float[] a, int ao, float[] b, int bo, int stride, float[] c, int co, int i, int j, int n, int k) {
        int w = F.length();
        int a0 = ao + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0, bi = bo; p < k; p++, bi += stride) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi), b1 = FloatVector.fromArray(F, b, bi + w);
            FloatVector x = FloatVector.broadcast(F, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        int o = co + i * n + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + w);
        c10.intoArray(c, o + n);
        c11.intoArray(c, o + n + w);
        c20.intoArray(c, o + 2 * n);
        c21.intoArray(c, o + 2 * n + w);
        c30.intoArray(c, o + 3 * n);
        c31.intoArray(c, o + 3 * n + w);
    }

    /** The 6 x 2w tile of C at (i, j) from a packed panel: 12 accumulators, 2 B vectors, 1 broadcast in registers. */
    private static void tile6(float[] a, int ao, float[] b, int bo, float[] c, int co, int i, int j, int n, int k) {
        int w = F.length();
        int a0 = ao + i * k;
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int p = 0, bi = bo; p < k; p++, bi += PANEL) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi), b1 = FloatVector.fromArray(F, b, bi + w);
            int ap = a0 + p;
            FloatVector x = FloatVector.broadcast(F, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ap + k]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ap + 2 * k]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ap + 3 * k]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ap + 4 * k]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ap + 5 * k]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        int o = co + i * n + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + w);
        c10.intoArray(c, o + n);
        c11.intoArray(c, o + n + w);
        c20.intoArray(c, o + 2 * n);
        c21.intoArray(c, o + 2 * n + w);
        c30.intoArray(c, o + 3 * n);
        c31.intoArray(c, o + 3 * n + w);
        c40.intoArray(c, o + 4 * n);
        c41.intoArray(c, o + 4 * n + w);
        c50.intoArray(c, o + 5 * n);
        c51.intoArray(c, o + 5 * n + w);
    }

    /** Row i of C, all columns. */
    private static void row(float[] a, int ao, float[] b, int bo, float[] c, int co, int i, int jv, int n, int k) {
        int w = F.length();
        for (int j = 0; j < jv; j += w) {
            FloatVector acc = FloatVector.zero(F);
            for (int p = 0, bi = bo + j; p < k; p++, bi += n) {
                acc = FloatVector.broadcast(F, a[ao + i * k + p]).fma(FloatVector.fromArray(F, b, bi), acc);
            }
            acc.intoArray(c, co + i * n + j);
        }
        if (jv < n) GemmScalar.multiplyColumns(a, ao, b, bo, c, co, i, i + 1, n, k, jv);
    }

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
