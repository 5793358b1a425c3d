package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** The cholesky primitive that multivariateNormal uses: L L^T = A, lower triangular, NaNs when not positive definite. */
class CholeskyTest {
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
}
