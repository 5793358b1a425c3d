package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Statistical sanity of every sampler on 100k draws from fixed keys (deterministic, so they cannot
 * flake): mean, variance and the Kolmogorov-Smirnov distance to the distribution's CDF.
 */
class RandomStatisticsTest {
    private static final int N = 100_000;
    private static final int[] SHAPE = {N};
    /** Far above the 0.1% critical value 1.95 / sqrt(N) = 0.0062, far below any real mismatch. */
    private static final double KS_BOUND = 0.01;

    private static KeyArray key(int i) { return Random.foldIn(Random.key(2024), i); }

    private static double phi(double x) { return 0.5 * (1 + erf(x / Math.sqrt(2))); }

    private static double ks(double[] x, DoubleUnaryOperator cdf) {
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(f - (double) i / s.length, (double) (i + 1) / s.length - f));
        }
        return d;
    }

    private static void check(String name, Array a, double mean, double var, DoubleUnaryOperator cdf) {
        double[] x = a.toDoubleArray();
        assertEquals(N, x.length, name);
        double m = Arrays.stream(x).average().orElseThrow();
        double v = Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / (N - 1);
        double se = Math.sqrt(var / N);
        assertTrue(Math.abs(m - mean) < 5 * se + 1e-12, name + ": mean " + m + ", expected " + mean);
        if (!Double.isNaN(var)) {
            assertTrue(Math.abs(v - var) < 0.05 * var, name + ": variance " + v + ", expected " + var);
        }
        if (cdf != null) {
            double d = ks(x, cdf);
            assertTrue(d < KS_BOUND, name + ": Kolmogorov-Smirnov distance " + d);
        }
    }

    @Test
    void continuous() {
        check("uniform", Random.uniform(key(0), SHAPE), 0.5, 1 / 12.0, t -> t);
        check("uniform[-2,3)", Random.uniform(key(1), SHAPE, null, -2, 3), 0.5, 25 / 12.0, t -> (t + 2) / 5);
        check("normal", Random.normal(key(2), SHAPE), 0, 1, RandomStatisticsTest::phi);
        double a = -0.5, b = 1.5;
        double z = phi(b) - phi(a);
        double pdfA = Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI), pdfB = Math.exp(-b * b / 2) / Math.sqrt(2 * Math.PI);
        double tm = (pdfA - pdfB) / z;
        double tv = 1 + (a * pdfA - b * pdfB) / z - tm * tm;
        check("truncated_normal", Random.truncatedNormal(key(3), a, b, SHAPE), tm, tv, t -> (phi(t) - phi(a)) / z);
        check("exponential", Random.exponential(key(4), SHAPE), 1, 1, t -> 1 - Math.exp(-t));
        double euler = 0.5772156649015329;
        check("gumbel", Random.gumbel(key(5), SHAPE), euler, Math.PI * Math.PI / 6, t -> Math.exp(-Math.exp(-t)));
        check("laplace", Random.laplace(key(6), SHAPE), 0, 2, t -> t < 0 ? 0.5 * Math.exp(t) : 1 - 0.5 * Math.exp(-t));
        check("logistic", Random.logistic(key(7), SHAPE), 0, Math.PI * Math.PI / 3, t -> 1 / (1 + Math.exp(-t)));
        // Cauchy has no mean: check the median and the CDF only
        double[] c = Random.cauchy(key(8), SHAPE).toDoubleArray();
        assertTrue(ks(c, t -> 0.5 + Math.atan(t) / Math.PI) < KS_BOUND, "cauchy");
        check("pareto(4)", Random.pareto(key(9), 4, SHAPE), 4 / 3.0, 4 / (9.0 * 2), t -> t < 1 ? 0 : 1 - Math.pow(t, -4));
        double k = 1.5, lam = 2;
        double g1 = gamma(1 + 1 / k), g2 = gamma(1 + 2 / k);
        check("weibull_min", Random.weibullMin(key(10), lam, k, SHAPE), lam * g1, lam * lam * (g2 - g1 * g1),
                t -> t < 0 ? 0 : 1 - Math.exp(-Math.pow(t / lam, k)));
        check("rayleigh(2)", Random.rayleigh(key(11), 2, SHAPE), 2 * Math.sqrt(Math.PI / 2), (4 - Math.PI) / 2 * 4,
                t -> 1 - Math.exp(-t * t / 8));
        double s = 0.5;
        check("lognormal(0.5)", Random.lognormal(key(12), s, SHAPE, null), Math.exp(s * s / 2),
                (Math.exp(s * s) - 1) * Math.exp(s * s), t -> t <= 0 ? 0 : phi(Math.log(t) / s));
        check("maxwell", Random.maxwell(key(13), SHAPE), 2 * Math.sqrt(2 / Math.PI), 3 - 8 / Math.PI,
                t -> erf(t / Math.sqrt(2)) - Math.sqrt(2 / Math.PI) * t * Math.exp(-t * t / 2));
        check("triangular(0, 1, 3)", Random.triangular(key(15), 0, 1, 3, SHAPE, null), 4 / 3.0, 7 / 18.0,
                t -> t <= 1 ? t * t / 3 : 1 - (3 - t) * (3 - t) / 6);
        check("wald(1.5)", Random.wald(key(16), 1.5, SHAPE, null), 1.5, 3.375, null);
        check("double_sided_maxwell(1, 2)", Random.doubleSidedMaxwell(key(14), 1, 2, SHAPE, null), 1, 3 * 4, null);
    }

    @Test
    void gammaFamily() {
        int n = 20_000; // the rejection loop runs per element in Java: fewer draws, looser bounds
        int[] sh = {n};
        double[] g = Random.gamma(key(30), 2.5, sh).toDoubleArray();
        assertMoments("gamma(2.5)", g, 2.5, 2.5);
        double[] g8 = Random.gamma(key(31), 0.8, sh).toDoubleArray();
        assertMoments("gamma(0.8)", g8, 0.8, 0.8);
        double[] lg = Random.loggamma(key(32), 0.3, sh).toDoubleArray();
        assertMoments("exp(loggamma(0.3))", Arrays.stream(lg).map(Math::exp).toArray(), 0.3, 0.3);
        assertMoments("beta(2, 3)", Random.beta(key(33), 2, 3, sh).toDoubleArray(), 0.4, 0.04);
        assertMoments("chisquare(3)", Random.chisquare(key(34), 3, sh).toDoubleArray(), 3, 6);
        assertMoments("t(5)", Random.t(key(35), 5, sh).toDoubleArray(), 0, 5 / 3.0);
        double[] d = Random.dirichlet(key(36), dev.jaxvm.numpy.Jnp.array(new float[] {1, 2, 3}), new int[] {n / 3}, null)
                .toDoubleArray();
        double[] first = new double[n / 3];
        for (int i = 0; i < first.length; i++) {
            first[i] = d[3 * i];
            assertEquals(1, d[3 * i] + d[3 * i + 1] + d[3 * i + 2], 1e-5);
        }
        assertMoments("dirichlet[0]", first, 1 / 6.0, (1 / 6.0) * (5 / 6.0) / 7);
        double[] b = Random.ball(key(37), 3, 2, new int[] {n / 3}, null).toDoubleArray();
        for (int i = 0; i < n / 3; i++) {
            double r2 = b[3 * i] * b[3 * i] + b[3 * i + 1] * b[3 * i + 1] + b[3 * i + 2] * b[3 * i + 2];
            assertTrue(r2 <= 1 + 1e-6, "ball point outside the unit ball");
        }
    }

    @Test
    void multivariateNormal() {
        int n = 50_000;
        float[][] cov = {{2, 0.6f, 0.2f}, {0.6f, 1, -0.3f}, {0.2f, -0.3f, 0.5f}};
        double[] mean = {1, -2, 0.5};
        double[] x = Random.multivariateNormal(key(40), dev.jaxvm.numpy.Jnp.array(new float[] {1, -2, 0.5f}),
                dev.jaxvm.numpy.Jnp.array(cov), new int[] {n}, null).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double c = 0;
                for (int r = 0; r < n; r++) c += (x[3 * r + i] - mean[i]) * (x[3 * r + j] - mean[j]);
                c /= n;
                assertTrue(Math.abs(c - cov[i][j]) < 0.05, "covariance [" + i + "][" + j + "] = " + c);
            }
        }
        double[] m0 = new double[n];
        for (int r = 0; r < n; r++) m0[r] = x[3 * r];
        assertMoments("multivariate_normal[0]", m0, 1, 2);
    }

    private static void assertMoments(String name, double[] x, double mean, double var) {
        double m = Arrays.stream(x).average().orElseThrow();
        double v = Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / (x.length - 1);
        assertTrue(Math.abs(m - mean) < 5 * Math.sqrt(var / x.length), name + ": mean " + m + ", expected " + mean);
        assertTrue(Math.abs(v - var) < 0.1 * var, name + ": variance " + v + ", expected " + var);
    }

    /** Gamma function for the few positive arguments above (Lanczos). */
    private static double gamma(double x) {
        double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < 8; i++) a += g[i] / (x + i + 1);
        return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
    }

    @Test
    void discrete() {
        check("bits", Random.bits(key(20), SHAPE), 2147483647.5, Math.pow(2, 64) / 12, t -> (t + 1) / 4294967296.0);
        long[] r = Random.randint(key(21), SHAPE, -3, 7).toLongArray();
        int[] counts = new int[10];
        for (long v : r) counts[(int) v + 3]++;
        for (int c : counts) assertTrue(Math.abs(c - N / 10.0) < 5 * Math.sqrt(N * 0.09), "randint bin " + c);
        long[] r8 = Random.randint(key(22), SHAPE, 0, 256, DType.UINT8).toLongArray();
        assertTrue(Arrays.stream(r8).min().orElseThrow() == 0 && Arrays.stream(r8).max().orElseThrow() == 255);
        check("bernoulli(0.3)", Random.bernoulli(key(23), 0.3, SHAPE).astype(DType.FLOAT32), 0.3, 0.21, null);
        check("rademacher", Random.rademacher(key(24), SHAPE), 0, 1, null);
        check("geometric(0.3)", Random.geometric(key(25), 0.3, SHAPE), 1 / 0.3, 0.7 / 0.09, null);
        assertTrue(Arrays.stream(Random.rademacher(key(24), SHAPE).toLongArray()).allMatch(v -> v == 1 || v == -1));
    }

    /** The error function (for the normal CDF) to double precision: Taylor series near 0, a continued fraction for erfc beyond. */
    private static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax < 2.5) {
            double sum = 0;
            double term = ax;
            double x2 = ax * ax;
            for (int n = 0; n < 200; n++) {
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
                term *= -x2 / (n + 1);
            }
            return Math.copySign(sum * 2 / Math.sqrt(Math.PI), x);
        }
        if (ax > 6) return Math.copySign(1.0, x);
        // erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), Lentz's method
        double tiny = 1e-300;
        double f = ax;
        double cc = ax;
        double d = 0;
        for (int k = 1; k < 300; k++) {
            double a = k * 0.5;
            d = ax + a * d;
            d = d == 0 ? tiny : d;
            cc = ax + a / cc;
            cc = cc == 0 ? tiny : cc;
            d = 1 / d;
            double delta = cc * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        return Math.copySign(1 - erfc, x);
    }
}
