package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectors of {@code prng/samplers.json}, written by {@code tools/gen_prng_goldens.py} with real
 * JAX 0.10.2 on CPU, in both partitionable modes and with x64 off and on: bit for bit, except the
 * few samplers whose {@code tan}/{@code exp}/{@code pow} XLA computes with its own polynomials
 * (the entry's "ulps").
 */
class RandomSamplersTest {
    private static final JsonObject SAMPLERS = Golden.load("/prng/samplers.json");

    /** Entries whose Java call is not available (none). */
    private static final Set<String> PENDING = Set.of();

    private static final int[] S4 = {4};
    private static final Array P4 = Jnp.array(new float[] {0.1f, 0.2f, 0.3f, 0.4f});
    private static final Array P2X4 = Jnp.array(new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}, {0.4f, 0.3f, 0.2f, 0.1f}});

    private static Array iota12() { return Lax.iota(DType.INT32, 12); }
    private static final int[] S5 = {5};
    private static final int[] S6 = {6};
    private static final int[] S8 = {8};

    private static Map<String, Function<KeyArray, Array>> calls32() {
        Map<String, Function<KeyArray, Array>> c = new LinkedHashMap<>();
        c.put("split_2x3", k -> Random.keyData(Random.split(k, new int[] {2, 3})));
        c.put("fold_in_4000000000", k -> Random.keyData(Random.foldIn(k, (int) 4000000000L)));
        c.put("bits_u8_7", k -> Random.bits(k, new int[] {7}, DType.UINT8));
        c.put("bits_u16_5", k -> Random.bits(k, S5, DType.UINT16));
        c.put("bits_u32_2x3", k -> Random.bits(k, new int[] {2, 3}));
        c.put("bits_u32_scalar", Random::bits);
        c.put("uniform_f32_5_min-2_max3", k -> Random.uniform(k, S5, null, -2, 3));
        c.put("uniform_f32_5_min0.1_max0.7", k -> Random.uniform(k, S5, null, 0.1, 0.7));
        c.put("uniform_f16_5", k -> Random.uniform(k, S5, DType.FLOAT16));
        c.put("uniform_bf16_5", k -> Random.uniform(k, S5, DType.BFLOAT16).astype(DType.FLOAT32));
        c.put("normal_f32_2x3", k -> Random.normal(k, new int[] {2, 3}));
        c.put("normal_f32_1000", k -> Random.normal(k, new int[] {1000}));
        c.put("randint_8_-5_5", k -> Random.randint(k, S8, -5, 5));
        c.put("randint_8_0_100000", k -> Random.randint(k, S8, 0, 100000));
        c.put("randint_8_full", k -> Random.randint(k, S8, Integer.MIN_VALUE, Integer.MAX_VALUE));
        c.put("randint_8_empty_5_3", k -> Random.randint(k, S8, 5, 3));
        c.put("randint_8_int8_-128_128", k -> Random.randint(k, S8, -128, 128, DType.INT8));
        c.put("randint_8_uint8_0_256", k -> Random.randint(k, S8, 0, 256, DType.UINT8));
        c.put("randint_8_uint32_0_4000000000", k -> Random.randint(k, S8, 0, 4000000000L, DType.UINT32));
        c.put("bernoulli_p0.7_8", k -> Random.bernoulli(k, 0.7, S8));
        c.put("bernoulli_high_p0.3_8", k -> Random.bernoulli(k, Jnp.array(0.3f), S8, "high"));
        c.put("gumbel_high_f32_6", k -> Random.gumbel(k, S6, null, "high"));
        c.put("exponential_f32_6", k -> Random.exponential(k, S6));
        c.put("gumbel_f32_6", k -> Random.gumbel(k, S6));
        c.put("laplace_f32_6", k -> Random.laplace(k, S6));
        c.put("logistic_f32_6", k -> Random.logistic(k, S6));
        c.put("truncated_normal_-0.5_0.5_f32_6", k -> Random.truncatedNormal(k, -0.5, 0.5, S6));
        c.put("rademacher_8", k -> Random.rademacher(k, S8));
        c.put("maxwell_f32_4", k -> Random.maxwell(k, S4));
        c.put("rayleigh_2_f32_4", k -> Random.rayleigh(k, 2, S4));
        c.put("cauchy_f32_4", k -> Random.cauchy(k, S4));
        c.put("pareto_3_f32_4", k -> Random.pareto(k, 3, S4));
        c.put("weibull_min_2_1.5_f32_4", k -> Random.weibullMin(k, 2, 1.5, S4));
        c.put("lognormal_0.5_f32_4", k -> Random.lognormal(k, 0.5, S4, null));
        c.put("double_sided_maxwell_1_2_f32_4", k -> Random.doubleSidedMaxwell(k, 1, 2, S4, null));
        c.put("geometric_0.3_6", k -> Random.geometric(k, 0.3, S6));
        c.put("triangular_0_1_3_f32_4", k -> Random.triangular(k, 0, 1, 3, S4, null));
        c.put("wald_1.5_f32_4", k -> Random.wald(k, 1.5, S4, null));
        c.put("permutation_10", k -> Random.permutation(k, 10));
        c.put("permutation_2000", k -> Random.permutation(k, 2000));
        c.put("permutation_2d_4x3", k -> Random.permutation(k, iota12().reshape(4, 3)));
        c.put("permutation_2d_4x3_axis1_independent", k -> Random.permutation(k, iota12().reshape(4, 3), 1, true));
        c.put("choice_10_5_replace", k -> Random.choice(k, 10, S5));
        c.put("choice_10_5_noreplace", k -> Random.choice(k, 10, S5, false, null));
        c.put("choice_4_6_p", k -> Random.choice(k, 4, S6, true, P4));
        c.put("choice_4_3_p_noreplace", k -> Random.choice(k, 4, new int[] {3}, false, P4));
        c.put("categorical_4_6", k -> Random.categorical(k, Lax.log(P4), -1, S6));
        c.put("categorical_2x4", k -> Random.categorical(k, Lax.log(P2X4)));
        c.put("categorical_4_3_noreplace", k -> Random.categorical(k, Lax.log(P4), -1, new int[] {3}, false));
        c.put("categorical_2x4_2x2_noreplace", k -> Random.categorical(k, Lax.log(P2X4), -1, new int[] {2, 2}, false));
        c.put("multivariate_normal_3_f32_4x3", k -> Random.multivariateNormal(k, Jnp.array(new float[] {1, -2, 0.5f}),
                Jnp.array(new float[][] {{2, 0.6f, 0.2f}, {0.6f, 1, -0.3f}, {0.2f, -0.3f, 0.5f}}), S4, null));
        c.put("orthogonal_3_f32", k -> Random.orthogonal(k, 3));
        c.put("orthogonal_2x4_f32", k -> Random.orthogonal(k, 2, new int[0], null, 4));
        c.put("gamma_1_f32_4", k -> Random.gamma(k, 1, S4));
        c.put("gamma_2.5_f32_4", k -> Random.gamma(k, 2.5, S4));
        c.put("gamma_7.25_f32_4", k -> Random.gamma(k, 7.25, S4));
        c.put("gamma_0.8_f32_4", k -> Random.gamma(k, 0.8, S4));
        c.put("loggamma_0.3_f32_4", k -> Random.loggamma(k, 0.3, S4));
        c.put("loggamma_2.5_f32_4", k -> Random.loggamma(k, 2.5, S4));
        c.put("beta_2_3_f32_4", k -> Random.beta(k, 2, 3, S4));
        c.put("dirichlet_1_2_3_f32_2x3", k -> Random.dirichlet(k, dev.jaxvm.numpy.Jnp.array(new float[] {1, 2, 3}),
                new int[] {2}, null));
        c.put("chisquare_3_f32_4", k -> Random.chisquare(k, 3, S4));
        c.put("t_5_f32_4", k -> Random.t(k, 5, S4));
        c.put("f_3_5_f32_4", k -> Random.f(k, 3, 5, S4));
        c.put("generalized_normal_2_f32_4", k -> Random.generalizedNormal(k, 2, S4, null));
        c.put("ball_3_f32_3", k -> Random.ball(k, 3));
        return c;
    }

    private static Map<String, Function<KeyArray, Array>> calls64() {
        Map<String, Function<KeyArray, Array>> c = new LinkedHashMap<>();
        c.put("key_data", Random::keyData);
        c.put("bits_u64_4", k -> Random.bits(k, S4));
        c.put("uniform_f64_4", k -> Random.uniform(k, S4));
        c.put("normal_f64_4", k -> Random.normal(k, S4));
        c.put("randint_i64_6_-1000_1000", k -> Random.randint(k, S6, -1000, 1000));
        c.put("exponential_f64_4", k -> Random.exponential(k, S4));
        c.put("gamma_2.5_f64_4", k -> Random.gamma(k, 2.5, S4));
        c.put("gamma_0.8_f64_4", k -> Random.gamma(k, 0.8, S4));
        c.put("loggamma_0.3_f64_4", k -> Random.loggamma(k, 0.3, S4));
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"partitionable/x32", "legacy/x32", "partitionable/x64", "legacy/x64"})
    void matchesJax(String config) {
        String[] parts = config.split("/");
        boolean part = parts[0].equals("partitionable");
        boolean x64 = parts[1].equals("x64");
        Map<String, Function<KeyArray, Array>> calls = x64 ? calls64() : calls32();
        JsonObject seeds = SAMPLERS.getAsJsonObject("modes").getAsJsonObject(parts[0]).getAsJsonObject(parts[1]);
        List<String> failures = new ArrayList<>();
        Golden.inMode(part, x64, () -> {
            for (Map.Entry<String, JsonElement> s : seeds.entrySet()) {
                KeyArray key = Random.key(Long.parseLong(s.getKey()));
                for (Map.Entry<String, JsonElement> e : s.getValue().getAsJsonObject().entrySet()) {
                    String name = e.getKey();
                    if (PENDING.contains(name)) continue;
                    Function<KeyArray, Array> f = calls.get(name);
                    assertTrue(f != null, "no Java call for golden entry " + name);
                    String label = config + " seed " + s.getKey() + " " + name;
                    try {
                        check(e.getValue().getAsJsonObject(), f.apply(key), label);
                    } catch (AssertionError err) {
                        failures.add(err.getMessage());
                    }
                }
            }
            return null;
        });
        assertEquals(List.of(), failures);
    }

    private static void check(JsonObject e, Array got, String label) {
        assertArrayEquals(Golden.shape(e), got.shape(), label + ": shape");
        assertEquals(e.get("dtype").getAsString(), got.dtype().numpyName(), label + ": dtype");
        if (e.has("values")) {
            Golden.assertInts(e, got, label);
            return;
        }
        int ulps = e.has("ulps") ? e.get("ulps").getAsInt() : 0;
        double atol = e.has("atol") ? e.get("atol").getAsDouble() : 0;
        double[] values = got.toDoubleArray();
        JsonArray hex = e.getAsJsonArray("hex");
        long[] have = bits(got);
        for (int i = 0; i < hex.size(); i++) {
            long want = Long.parseUnsignedLong(hex.get(i).getAsString().substring(2), 16);
            long d = Math.abs(ordered(want, got.dtype()) - ordered(have[i], got.dtype()));
            double wantValue = got.dtype() == DType.FLOAT64 ? Double.longBitsToDouble(want)
                    : got.dtype() == DType.FLOAT32 ? Float.intBitsToFloat((int) want) : Float.float16ToFloat((short) want);
            assertTrue(d <= ulps || Math.abs(wantValue - values[i]) <= atol, label + "[" + i + "]: want 0x" + Long.toHexString(want) + ", got 0x"
                    + Long.toHexString(have[i]) + " (" + d + " ulps, allowed " + ulps + ")");
        }
    }

    private static long[] bits(Array a) {
        long[] out = new long[a.size()];
        switch (a.dtype()) {
            case FLOAT32 -> {
                float[] f = a.toFloatArray();
                for (int i = 0; i < f.length; i++) out[i] = Float.floatToRawIntBits(f[i]) & 0xFFFFFFFFL;
            }
            case FLOAT64 -> {
                double[] f = a.toDoubleArray();
                for (int i = 0; i < f.length; i++) out[i] = Double.doubleToRawLongBits(f[i]);
            }
            case FLOAT16 -> {
                float[] f = a.toFloatArray();
                for (int i = 0; i < f.length; i++) out[i] = Float.floatToFloat16(f[i]) & 0xFFFF;
            }
            default -> throw new AssertionError("not a float array: " + a.dtype());
        }
        return out;
    }

    /** Bits mapped to a monotone integer line, so that differences count ulps across zero. */
    private static long ordered(long bits, DType t) {
        int width = t.bits();
        long sign = 1L << (width - 1);
        long mag = bits & (sign - 1);
        return (bits & sign) != 0 ? -mag : mag;
    }
}
