package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/**
 * The decompositions behind multivariateNormal and orthogonal: cholesky (L L^T = A, lower, NaNs when
 * not positive definite) and qr (Q R = A, Q orthonormal, R upper); orthogonal samples are orthogonal.
 */
class DecompositionsTest {
    @Test
    void factorsPositiveDefiniteMatrices() {
        double[][] a = {{4, 2, 0.4}, {2, 2, -0.5}, {0.4, -0.5, 3}};
        double[] l = Lax.cholesky(Jnp.array(a, dev.jaxvm.DType.FLOAT32)).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (j > i) assertEquals(0, l[3 * i + j]);
                double s = 0;
                for (int k = 0; k < 3; k++) s += l[3 * i + k] * l[3 * j + k];
                assertEquals(a[i][j], s, 1e-5);
            }
        }
        assertEquals(2, l[0], 0);
        double[] bad = Lax.cholesky(Jnp.array(new float[][] {{1, 2}, {2, 1}})).toDoubleArray();
        for (double v : bad) assertTrue(Double.isNaN(v));
        double[] batch = Lax.cholesky(Jnp.array(new float[][][] {{{9}}, {{16}}})).toDoubleArray();
        assertEquals(3, batch[0]);
        assertEquals(4, batch[1]);
    }

    @Test
    void qrAndOrthogonal() {
        float[][] a = {{1, 2}, {3, 4}, {5, 7}};
        var qr = Lax.qr(Jnp.array(a), false);
        double[] q = qr.get(0).toDoubleArray();
        double[] r = qr.get(1).toDoubleArray();
        assertEquals(0, r[2]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int k = 0; k < 2; k++) s += q[2 * i + k] * r[2 * k + j];
                assertEquals(a[i][j], s, 1e-5);
            }
        }
        assertGram(Random.orthogonal(Random.key(5), 5).toDoubleArray(), 5, 5, true);
        assertGram(Random.orthogonal(Random.key(6), 2, new int[0], null, 4).toDoubleArray(), 2, 4, false);
        assertGram(Random.orthogonal(Random.key(7), 4, new int[0], null, 2).toDoubleArray(), 4, 2, true);
    }

    /** Columns (or rows) of the rows x cols matrix x are orthonormal. */
    private static void assertGram(double[] x, int rows, int cols, boolean columns) {
        int k = columns ? cols : rows;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int t = 0; t < (columns ? rows : cols); t++) {
                    s += columns ? x[t * cols + i] * x[t * cols + j] : x[i * cols + t] * x[j * cols + t];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-5);
            }
        }
    }
}
