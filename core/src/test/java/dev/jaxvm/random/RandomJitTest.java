package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFunction;
import org.junit.jupiter.api.Test;

/** Jitted sampling gives exactly the eager numbers; the partitionable flag is part of the jit cache key. */
class RandomJitTest {
    private static final int[] SHAPE = {3, 5};

    @Test
    void jittedSamplersEqualEager() {
        for (boolean part : new boolean[] {true, false}) {
            Golden.inMode(part, false, () -> {
                KeyArray key = Random.key(1234);
                JitFunction<KeyArray, Array> normal = Jax.jit((KeyArray k) -> Random.normal(k, SHAPE));
                assertArrayEquals(Random.normal(key, SHAPE).toFloatArray(), normal.apply(key).toFloatArray());
                JitFunction<KeyArray, Array> randint = Jax.jit((KeyArray k) -> Random.randint(k, SHAPE, -7, 300));
                assertArrayEquals(Random.randint(key, SHAPE, -7, 300).toIntArray(), randint.apply(key).toIntArray());
                JitFunction<KeyArray, KeyArray> split = Jax.jit((KeyArray k) -> Random.split(k, 4));
                assertArrayEquals(Random.keyData(Random.split(key, 4)).toLongArray(),
                        Random.keyData(split.apply(key)).toLongArray());
                JitFunction<KeyArray, Array> gamma = Jax.jit((KeyArray k) -> Random.gamma(k, 2.5, SHAPE));
                assertArrayEquals(Random.gamma(key, 2.5, SHAPE).toFloatArray(), gamma.apply(key).toFloatArray());
                JitFunction<KeyArray, Array> trunc = Jax.jit((KeyArray k) -> Random.truncatedNormal(k, -1, 2, SHAPE));
                assertArrayEquals(Random.truncatedNormal(key, -1, 2, SHAPE).toFloatArray(), trunc.apply(key).toFloatArray());
                return null;
            });
        }
    }

    @Test
    void partitionableModeIsPartOfTheJitCacheKey() {
        JitFunction<KeyArray, Array> u = Jax.jit((KeyArray k) -> Random.uniform(k, SHAPE));
        KeyArray key = Random.key(0);
        float[] part = Golden.inMode(true, false, () -> u.apply(key).toFloatArray());
        float[] legacy = Golden.inMode(false, false, () -> u.apply(key).toFloatArray());
        assertFalse(java.util.Arrays.equals(part, legacy));
        assertArrayEquals(Golden.inMode(false, false, () -> Random.uniform(key, SHAPE).toFloatArray()), legacy);
        assertTrue(Jax.makeJaxpr((Array kd) -> Random.uniform(Random.wrapKeyData(kd), SHAPE))
                .apply(Random.PRNGKey(0)).toString().contains("random_bits[bit_width=32 shape=(3, 5)]"));
    }
}
