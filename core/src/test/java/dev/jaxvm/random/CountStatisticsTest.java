package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Statistical sanity, on 100k draws from fixed keys (deterministic, so they cannot flake), of the
 * samplers RandomStatisticsTest does not cover: the counting samplers (poisson, binomial,
 * multinomial), categorical and weighted choice, the F and generalized normal distributions, and
 * orthogonal matrices.
 */
class CountStatisticsTest {
    private static final int N = 100_000;
    private static final int[] SHAPE = {N};

    private static KeyArray key(int i) { return Random.foldIn(Random.key(77), i); }

    private static void assertMoments(String name, double[] x, double mean, double var) {
        double m = Arrays.stream(x).average().orElseThrow();
        double v = Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / (x.length - 1);
        assertTrue(Math.abs(m - mean) < 5 * Math.sqrt(var / x.length), name + ": mean " + m + ", expected " + mean);
        assertTrue(Math.abs(v - var) < 0.05 * var, name + ": variance " + v + ", expected " + var);
    }

    /** Chi-square-like check of category frequencies: each within 5 standard errors of {@code n p}. */
    private static void assertFrequencies(String name, long[] draws, double[] p) {
        int[] c = new int[p.length];
        for (long d : draws) c[(int) d]++;
        for (int i = 0; i < p.length; i++) {
            double e = draws.length * p[i];
            assertTrue(Math.abs(c[i] - e) < 5 * Math.sqrt(e * (1 - p[i])) + 1, name + " category " + i + ": " + c[i] + " vs " + e);
        }
    }

    @Test
    void poisson() {
        assertMoments("poisson(3.5)", Random.poisson(key(0), 3.5, SHAPE).toDoubleArray(), 3.5, 3.5);
        assertMoments("poisson(40)", Random.poisson(key(1), 40, SHAPE).toDoubleArray(), 40, 40);
        long[] small = Random.poisson(key(2), 0.7, SHAPE).toLongArray();
        double p0 = Arrays.stream(small).filter(v -> v == 0).count() / (double) N;
        assertEquals(Math.exp(-0.7), p0, 5 * Math.sqrt(Math.exp(-0.7) * (1 - Math.exp(-0.7)) / N), "P(poisson(0.7) = 0)");
    }

    @Test
    void binomialAndMultinomial() {
        int[] half = {N / 2}; // the inversion loop draws the whole array until its slowest element is done
        assertMoments("binomial(10, 0.3)", Random.binomial(key(3), 10, 0.3, half).toDoubleArray(), 3, 2.1);
        assertMoments("binomial(200, 0.6)", Random.binomial(key(4), 200, 0.6, half).toDoubleArray(), 120, 48);
        assertMoments("binomial(30, 0.9)", Random.binomial(key(5), 30, 0.9, half).toDoubleArray(), 27, 2.7);
        int n = N / 10;
        Array p = Jnp.array(new float[] {0.2f, 0.3f, 0.5f});
        double[] m = Random.multinomial(key(6), Jnp.array(20f), p, new int[] {n, 3}, null).toDoubleArray();
        double[][] cols = new double[3][n];
        for (int r = 0; r < n; r++) {
            assertEquals(20, m[3 * r] + m[3 * r + 1] + m[3 * r + 2], "multinomial counts sum to n");
            for (int j = 0; j < 3; j++) cols[j][r] = m[3 * r + j];
        }
        double[] ps = {0.2, 0.3, 0.5};
        for (int j = 0; j < 3; j++) assertMoments("multinomial[" + j + "]", cols[j], 20 * ps[j], 20 * ps[j] * (1 - ps[j]));
    }

    @Test
    void categoricalAndChoice() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        Array logits = Jnp.log(Jnp.array(new float[] {0.1f, 0.2f, 0.3f, 0.4f}));
        assertFrequencies("categorical", Random.categorical(key(7), logits, -1, SHAPE).toLongArray(), p);
        assertFrequencies("choice with p", Random.choice(key(8), 4, SHAPE, true, Jnp.array(new float[] {0.1f, 0.2f, 0.3f, 0.4f}))
                .toLongArray(), p);
        assertFrequencies("choice", Random.choice(key(9), 4, SHAPE).toLongArray(), new double[] {0.25, 0.25, 0.25, 0.25});
    }

    @Test
    void fAndGeneralizedNormal() {
        int n = 20_000; // gamma draws loop per element in Java
        double d1 = 5, d2 = 10;
        assertMoments("f(5, 10)", Random.f(key(10), d1, d2, new int[] {n}).toDoubleArray(), d2 / (d2 - 2),
                2 * d2 * d2 * (d1 + d2 - 2) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4)) * 1.0);
        assertMoments("generalized_normal(2)", Random.generalizedNormal(key(11), 2, new int[] {n}, null).toDoubleArray(), 0, 0.5);
    }

    @Test
    void orthogonalMatricesAreOrthogonal() {
        Array q = Random.orthogonal(key(12), 5, new int[] {3}, null, null);
        for (int b = 0; b < 3; b++) {
            Array qb = q.get(b);
            float[] eye = qb.matmul(qb.T()).toFloatArray();
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) assertEquals(i == j ? 1 : 0, eye[5 * i + j], 1e-5, "Q Q^T [" + i + "][" + j + "]");
            }
        }
    }
}
