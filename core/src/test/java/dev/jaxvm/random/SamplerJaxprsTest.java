package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Jaxprs JAX 0.10.2 prints for the samplers on a typed key, byte for byte, and the gamma family
 * with small alpha (through XLA:CPU's {@code powf}) bit for bit (resource prng/sampler_jaxprs.json,
 * from tools/gen_prng_sampler_jaxprs.py).
 */
class SamplerJaxprsTest {
    private static final JsonObject G = Golden.load("/prng/sampler_jaxprs.json");
    private static final int[] S = {3};

    private static String jaxpr(String name) { return G.getAsJsonObject("jaxprs").get(name).getAsString(); }

    private static String make(Function<KeyArray, Object> f) {
        return Jax.makeJaxpr(f).apply(Random.key(0)).toString();
    }

    static Map<String, Function<KeyArray, Object>> cases() {
        Map<String, Function<KeyArray, Object>> m = new LinkedHashMap<>();
        m.put("gumbel", k -> Random.gumbel(k, S));
        m.put("truncated_normal", k -> Random.truncatedNormal(k, -1.0, 2.0, S));
        m.put("laplace", k -> Random.laplace(k, S));
        m.put("logistic", k -> Random.logistic(k, S));
        m.put("cauchy", k -> Random.cauchy(k, S));
        m.put("exponential", k -> Random.exponential(k, S));
        m.put("uniform_bounds", k -> Random.uniform(k, S, null, -1.5, 2.0));
        m.put("beta", k -> Random.beta(k, 2.0, 3.0, S));
        m.put("dirichlet", k -> Random.dirichlet(k, Jnp.array(new float[] {0.5f, 1f, 2f})));
        m.put("categorical", k -> Random.categorical(k, Jnp.array(new float[] {0.1f, 0.5f, -1f})));
        m.put("choice", k -> Random.choice(k, 5, S));
        m.put("choice_noreplace", k -> Random.choice(k, 5, S, false, null));
        m.put("permutation", k -> Random.permutation(k, 5));
        Array six = Jnp.arange(6).astype(dev.jaxvm.DType.FLOAT32);
        m.put("permutation_array", k -> Random.permutation(k, six));
        m.put("bernoulli", k -> Random.bernoulli(k, 0.3, S));
        m.put("t", k -> Random.t(k, 3.0, S));
        m.put("chisquare", k -> Random.chisquare(k, 3.0, S));
        m.put("rademacher", k -> Random.rademacher(k, S));
        m.put("poisson", k -> Random.poisson(k, 3.5, S));
        m.put("ball", k -> Random.ball(k, 3));
        m.put("orthogonal", k -> Random.orthogonal(k, 3));
        m.put("multivariate_normal", k -> Random.multivariateNormal(k, Jnp.zeros(2), Jnp.eye(2)));
        m.put("weibull_min", k -> Random.weibullMin(k, 1.5, 2.0, S));
        m.put("pareto", k -> Random.pareto(k, 3.0, S));
        m.put("maxwell", k -> Random.maxwell(k, S));
        m.put("binomial", k -> Random.binomial(k, 10.0, 0.3, S));
        m.put("rayleigh", k -> Random.rayleigh(k, 2.0, S));
        m.put("lognormal", k -> Random.lognormal(k, 0.5, S, null));
        return m;
    }

    /** Samplers whose Jaxpr is not yet JAX's text, with the reason; every other case must print as JAX's. */
    /**
     * Samplers whose Jaxpr is not yet JAX's text, with the reason; every other case must print as JAX's
     * (and a pinned case that starts to print as JAX's fails, so that it gets unpinned).
     */
    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("uniform_bounds", "general bounds: XLA:CPU contracts f * span + minval into one FMA in the"
                    + " compiled kernel; jaxvm's compiler does not contract mul+add, so _uniform stages the product"
                    + " and sum in float64 to keep JAX's values (see the report: contraction belongs in compile's Fuser)"),
            Map.entry("cauchy", "uniform on [eps, 1): the general-bounds _uniform of uniform_bounds"),
            Map.entry("truncated_normal", "uniform on [erf(a/sqrt2), erf(b/sqrt2)): the general-bounds _uniform;"
                    + " and JAX's let-bound _truncated_normal jit with traced bounds and a clip jit"),
            Map.entry("poisson", "JAX's _poisson: lax.cond between Knuth and rejection, while loops; jaxvm stages its own loops"),
            Map.entry("binomial", "JAX's _binomial: while loops and cond; jaxvm stages its own loops"),
            Map.entry("ball", "JAX's _ball traces p as an int32 argument (pow of float32 by int32) and a let-bound"
                    + " _generalized_normal; not yet"),
            Map.entry("orthogonal", "JAX's _orthogonal: qr (householder_product) staging differs from jaxvm's linalg"),
            Map.entry("multivariate_normal", "JAX's _multivariate_normal: the cholesky jit (symmetrise, tril mask)"
                    + " and dot_general staging differ"));

    @Test
    void samplerJaxprsPrintAsJax() {
        java.util.List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        cases().forEach((name, f) -> {
            String got = make(f);
            if (PINNED.containsKey(name)) {
                checks.add(() -> assertNotEquals(jaxpr(name), got, name + " now prints as JAX: unpin it (" + PINNED.get(name) + ")"));
            } else {
                checks.add(() -> assertEquals(jaxpr(name), got, name));
            }
        });
        org.junit.jupiter.api.Assertions.assertAll(checks);
    }

    private static JsonObject small(String name) { return G.getAsJsonObject("small_alpha").getAsJsonObject(name); }

    private static void assertUlps(JsonObject want, Array got, String label) {
        var hex = want.getAsJsonArray("hex");
        float[] g = got.toFloatArray();
        assertEquals(hex.size(), g.length, label);
        for (int i = 0; i < g.length; i++) {
            int w = Integer.parseUnsignedInt(hex.get(i).getAsString().substring(2), 16);
            int d = Math.abs(Float.floatToRawIntBits(g[i]) - w);
            org.junit.jupiter.api.Assertions.assertTrue(d <= 8, label + "[" + i + "]: " + d + " ulps");
        }
    }

    @Test
    void smallAlphaGammaFamilyMatchesJax() {
        Array alphas = Jnp.array(new float[] {0.1f, 0.5f, 0.9f});
        Array reversed = Jnp.array(new float[] {0.9f, 0.5f, 0.1f});
        int[] s43 = {4, 3};
        for (int seed : new int[] {0, 7, 42}) {
            KeyArray k = Random.key(seed);
            // Array alpha: JAX's eager/jitted program computes (1/3) / sqrt(d) as (1/3) * rsqrt(d), the
            // hardware rsqrtss estimate plus one Newton step (not correctly rounded, CPU-vendor dependent;
            // SPEC 7.10); jaxvm rounds correctly, so these agree to a few ulps, not bit for bit.
            assertUlps(small("gamma_" + seed), Random.gamma(k, alphas, s43, null), "gamma " + seed);
            assertUlps(small("gamma_" + seed), Jax.jit((Array a) -> Random.gamma(k, a, s43, null)).apply(alphas),
                    "jit gamma " + seed);
            assertUlps(small("loggamma_" + seed), Random.loggamma(k, alphas, s43, null), "loggamma " + seed);
            assertUlps(small("beta_" + seed), Random.beta(k, alphas, reversed, s43, null), "beta " + seed);
            assertUlps(small("dirichlet_" + seed), Random.dirichlet(k, alphas, new int[] {4}, null), "dirichlet " + seed);
            // Constant alpha (XLA folds c exactly): bit for bit, the boost through XLA:CPU's powf
            for (double a : new double[] {0.1, 0.5, 0.9}) {
                String name = "gamma_const_" + a + "_" + seed;
                Golden.assertFloatBits(small(name), Random.gamma(k, a, new int[] {8}), name);
                Golden.assertFloatBits(small(name), Jax.jit((KeyArray x) -> Random.gamma(x, a, new int[] {8})).apply(k),
                        "jit " + name);
            }
        }
        // 4096 draws per alpha: enough that XLA's powf and a correctly rounded pow part somewhere
        for (double a : new double[] {0.1, 0.5, 0.9, 1.0 / 3, 0.25}) {
            Golden.assertFloatBits(small("gamma_const_" + a + "_big"), Random.gamma(Random.key(5), a, new int[] {4096}),
                    "gamma 4096 alpha " + a);
        }
        // vmap over keys equals the loop over them
        KeyArray keys = Random.split(Random.key(3), 3);
        Array batched = Jax.vmap((KeyArray x) -> Random.gamma(x, alphas, null, null)).apply(keys);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Random.gamma(keys.get(i), alphas, null, null).toFloatArray(),
                    batched.toFloatArray().length == 9 ? java.util.Arrays.copyOfRange(batched.toFloatArray(), 3 * i, 3 * i + 3)
                            : null, "vmap gamma " + i);
        }
    }

    @Test
    void compiledGammaGradIsALibraryKernelEqualToTheReference() {
        int n = 4096;
        float[] a = new float[n];
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.05f + (i % 97) * 0.37f;
            x[i] = 0.01f + (i % 89) * 0.29f;
        }
        Array aa = Jnp.array(a);
        Array xx = Jnp.array(x);
        var grad = Jax.jit((Array p, Array q) -> dev.jaxvm.lax.LaxRandom.randomGammaGrad(p, q));
        String listing = grad.lower(aa, xx).compile().asText();
        org.junit.jupiter.api.Assertions.assertTrue(listing.contains("random_gamma_grad"), listing);
        float[] eager = dev.jaxvm.lax.LaxRandom.randomGammaGrad(aa, xx).toFloatArray();
        assertArrayEquals(eager, grad.apply(aa, xx).toFloatArray());
        // and inside a bigger program, fused with what consumes it
        float[] scaled = Jax.jit((Array p, Array q) -> dev.jaxvm.lax.Lax.mul(
                dev.jaxvm.lax.LaxRandom.randomGammaGrad(p, q), q)).apply(aa, xx).toFloatArray();
        for (int i = 0; i < n; i++) assertEquals(eager[i] * x[i], scaled[i], "element " + i);
    }

    @Test
    void restagedSamplersUnderJitAndVmapEqualEager() {
        KeyArray key = Random.key(11);
        KeyArray keys = Random.split(Random.key(12), 3);
        java.util.List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        for (String name : java.util.List.of("gumbel", "laplace", "logistic", "cauchy", "exponential", "beta",
                "dirichlet", "categorical", "choice_noreplace", "permutation", "permutation_array", "t", "chisquare",
                "rademacher", "weibull_min", "pareto", "maxwell", "rayleigh", "lognormal")) {
            Function<KeyArray, Object> f = cases().get(name);
            checks.add(() -> {
                Array eager = (Array) f.apply(key);
                Array jitted = (Array) Jax.jit(f).apply(key);
                assertEquals(bits(eager), bits(jitted), "jit " + name);
                Array batched = (Array) Jax.vmap(f).apply(keys);
                for (int i = 0; i < 3; i++) {
                    assertEquals(bits((Array) f.apply(keys.get(i))), bits(batched.get(i)), "vmap " + name + " " + i);
                }
            });
        }
        org.junit.jupiter.api.Assertions.assertAll(checks);
    }

    /** The values as exact text: float bit patterns, or the integers. */
    private static String bits(Array x) {
        if (!x.dtype().isFloating()) return java.util.Arrays.toString(x.shape()) + x;
        float[] v = x.toFloatArray();
        StringBuilder sb = new StringBuilder(java.util.Arrays.toString(x.shape()));
        for (float f : v) sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(f)));
        return sb.toString();
    }
}
