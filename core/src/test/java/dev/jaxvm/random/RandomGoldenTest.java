package dev.jaxvm.random;

import static dev.jaxvm.random.Golden.assertFloatBits;
import static dev.jaxvm.random.Golden.assertInts;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vector of the shared golden.json (real JAX 0.10.2 output, several also published in JAX's
 * own repository), in both partitionable modes, compared bit for bit.
 */
class RandomGoldenTest {
    private static final JsonObject GOLDEN = Golden.load("/prng/golden.json");

    private static void forEachSeed(boolean part, java.util.function.BiConsumer<Long, JsonObject> check) {
        JsonObject mode = GOLDEN.getAsJsonObject("modes").getAsJsonObject(part ? "partitionable" : "legacy");
        for (Map.Entry<String, com.google.gson.JsonElement> e : mode.entrySet()) {
            long seed = Long.parseLong(e.getKey());
            Golden.inMode(part, false, () -> {
                check.accept(seed, e.getValue().getAsJsonObject());
                return null;
            });
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keysSplitFoldIn(boolean part) {
        forEachSeed(part, (seed, g) -> {
            KeyArray k = Random.key(seed);
            String s = "seed " + seed + (part ? " partitionable " : " legacy ");
            assertInts(g.getAsJsonObject("key_data"), Random.keyData(k), s + "key_data");
            assertInts(g.getAsJsonObject("key_data"), Random.PRNGKey(seed), s + "PRNGKey");
            assertInts(g.getAsJsonObject("split2"), Random.keyData(Random.split(k)), s + "split2");
            assertInts(g.getAsJsonObject("split3"), Random.keyData(Random.split(k, 3)), s + "split3");
            assertInts(g.getAsJsonObject("split2"), Random.split(Random.PRNGKey(seed)), s + "raw split2");
            assertInts(g.getAsJsonObject("fold_in_7"), Random.keyData(Random.foldIn(k, 7)), s + "fold_in_7");
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keyDataWithX64(boolean part) {
        forEachSeed(part, (seed, g) -> Golden.inMode(part, true, () -> {
            assertInts(g.getAsJsonObject("key_data_if_x64"), Random.keyData(Random.key(seed)), "seed " + seed);
            return null;
        }));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bitsUniformNormal(boolean part) {
        forEachSeed(part, (seed, g) -> {
            KeyArray k = Random.key(seed);
            String s = "seed " + seed + (part ? " partitionable " : " legacy ");
            assertInts(g.getAsJsonObject("bits_u32_8"), Random.bits(k, new int[] {8}), s + "bits");
            assertFloatBits(g.getAsJsonObject("uniform_f32_6"), Random.uniform(k, new int[] {6}), s + "uniform");
            assertFloatBits(g.getAsJsonObject("normal_f32_6"), Random.normal(k, new int[] {6}), s + "normal");
            assertFloatBits(g.getAsJsonObject("exponential_f32_4"), Random.exponential(k, new int[] {4}), s + "exponential");
            assertFloatBits(g.getAsJsonObject("truncated_normal_lower-1_upper2_f32_4"),
                    Random.truncatedNormal(k, -1, 2, new int[] {4}), s + "truncated_normal");
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void randintBernoulliChoice(boolean part) {
        forEachSeed(part, (seed, g) -> {
            KeyArray k = Random.key(seed);
            String s = "seed " + seed + (part ? " partitionable " : " legacy ");
            assertInts(g.getAsJsonObject("randint_10_0_20"), Random.randint(k, new int[] {10}, 0, 20), s + "randint");
            assertInts(g.getAsJsonObject("randint_4x4_1_10"), Random.randint(k, new int[] {4, 4}, 1, 10), s + "randint 4x4");
            assertInts(g.getAsJsonObject("bernoulli_p0.3_10"), Random.bernoulli(k, 0.3, new int[] {10}), s + "bernoulli");
            assertInts(g.getAsJsonObject("permutation_10"), Random.permutation(k, 10), s + "permutation");
            assertInts(g.getAsJsonObject("choice_a10_shape5_replace"), Random.choice(k, 10, new int[] {5}), s + "choice");
            assertInts(g.getAsJsonObject("choice_a10_shape5_noreplace"), Random.choice(k, 10, new int[] {5}, false, null),
                    s + "choice without replacement");
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void blogSequence(boolean part) {
        forEachSeed(part, (seed, g) -> {
            JsonObject b = g.getAsJsonObject("blog_sequence");
            KeyArray ks = Random.split(Random.key(seed));
            String s = "seed " + seed + (part ? " partitionable " : " legacy ");
            assertInts(b.getAsJsonObject("new_key"), Random.keyData(ks.get(0)), s + "new_key");
            assertInts(b.getAsJsonObject("subkey"), Random.keyData(ks.get(1)), s + "subkey");
            assertFloatBits(b.getAsJsonObject("value"), Random.normal(ks.get(1)), s + "value");
            assertInts(b.getAsJsonObject("M"), Random.randint(ks.get(0), new int[] {10, 10}, 0, 20), s + "M");
        });
    }
}
