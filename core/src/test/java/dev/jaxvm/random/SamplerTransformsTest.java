package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sampler gives the same numbers eagerly, under {@code jit}, and under {@code vmap} over a
 * batch of keys (each row equal to the eager draw with that key), in both partitionable modes.
 */
class SamplerTransformsTest {
    private static final int[] S = {2, 3};

    /** The samplers, each a function of one key. */
    static Map<String, Function<KeyArray, Array>> samplers() {
        Array logits = Jnp.array(new float[] {0.1f, -1f, 2f, 0.5f});
        Array p = Jnp.array(new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        Array mean = Jnp.array(new float[] {1f, -1f});
        Array cov = Jnp.array(new float[][] {{2f, 0.3f}, {0.3f, 1f}});
        Map<String, Function<KeyArray, Array>> m = new LinkedHashMap<>();
        m.put("bits", k -> Random.bits(k, S));
        m.put("bits_u8", k -> Random.bits(k, S, DType.UINT8));
        m.put("uniform", k -> Random.uniform(k, S, null, -2, 3));
        m.put("normal", k -> Random.normal(k, S));
        m.put("randint", k -> Random.randint(k, S, -5, 17));
        m.put("bernoulli", k -> Random.bernoulli(k, 0.3, S));
        m.put("categorical", k -> Random.categorical(k, logits, -1, new int[] {5}));
        m.put("choice", k -> Random.choice(k, 7, new int[] {4}));
        m.put("choice_noreplace", k -> Random.choice(k, 7, new int[] {4}, false, null));
        m.put("choice_p", k -> Random.choice(k, 4, new int[] {5}, true, p));
        m.put("permutation", k -> Random.permutation(k, 9));
        m.put("truncated_normal", k -> Random.truncatedNormal(k, -1, 1.5, S));
        m.put("exponential", k -> Random.exponential(k, S));
        m.put("gumbel", k -> Random.gumbel(k, S));
        m.put("laplace", k -> Random.laplace(k, S));
        m.put("logistic", k -> Random.logistic(k, S));
        m.put("cauchy", k -> Random.cauchy(k, S));
        m.put("rademacher", k -> Random.rademacher(k, S));
        m.put("gamma", k -> Random.gamma(k, 0.7, S));
        m.put("loggamma", k -> Random.loggamma(k, 2.5, S));
        m.put("beta", k -> Random.beta(k, 2, 3, S));
        m.put("dirichlet", k -> Random.dirichlet(k, Jnp.array(new float[] {1f, 2f, 0.5f})));
        m.put("multivariate_normal", k -> Random.multivariateNormal(k, mean, cov, new int[] {3}, null));
        m.put("orthogonal", k -> Random.orthogonal(k, 3));
        m.put("ball", k -> Random.ball(k, 3));
        m.put("t", k -> Random.t(k, 4, S));
        m.put("chisquare", k -> Random.chisquare(k, 3, S));
        m.put("f", k -> Random.f(k, 3, 5, S));
        m.put("weibull_min", k -> Random.weibullMin(k, 2, 1.5, S));
        m.put("pareto", k -> Random.pareto(k, 3, S));
        m.put("maxwell", k -> Random.maxwell(k, S));
        m.put("double_sided_maxwell", k -> Random.doubleSidedMaxwell(k, 1, 2, S, null));
        m.put("rayleigh", k -> Random.rayleigh(k, 2, S));
        m.put("lognormal", k -> Random.lognormal(k, S));
        m.put("geometric", k -> Random.geometric(k, 0.3, S));
        m.put("generalized_normal", k -> Random.generalizedNormal(k, 1.5, S, null));
        m.put("triangular", k -> Random.triangular(k, 0, 1, 3, S, null));
        m.put("wald", k -> Random.wald(k, 1.5, S, null));
        m.put("poisson", k -> Random.poisson(k, 6.5, S));
        m.put("binomial", k -> Random.binomial(k, 30, 0.4, S));
        m.put("multinomial", k -> Random.multinomial(k, 12, p));
        return m;
    }

    private static void assertSameValues(Array want, Array got, String what) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        assertEquals(want.dtype(), got.dtype(), what + ": dtype");
        if (want.dtype().isFloating()) assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), what);
        else assertArrayEquals(want.toLongArray(), got.toLongArray(), what);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void jitAndVmapEqualEager(boolean partitionable) {
        Golden.inMode(partitionable, false, () -> {
            KeyArray keys = Random.split(Random.key(31), 3);
            samplers().forEach((name, f) -> {
                Array eager = f.apply(keys.get(0));
                assertSameValues(eager, Jax.jit(f).apply(keys.get(0)), name + " under jit");
                Array batched = Jax.vmap(f).apply(keys);
                for (int i = 0; i < 3; i++) assertSameValues(f.apply(keys.get(i)), batched.get(i), name + " under vmap, row " + i);
            });
            return null;
        });
    }
}
