package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.RandomGamma;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** The random_gamma primitive over a batch of keys, as vmap will bind it, equals one call per key. */
class RandomGammaTest {
    @Test
    void batchedKeysEqualOneCallPerKey() {
        KeyArray keys = Random.split(Random.key(9), 3);
        Array a = Jnp.array(new float[][] {{0.5f, 1, 2, 3}, {4, 5, 6, 7}, {0.1f, 0.2f, 0.3f, 9}});
        float[] batched = Lax.randomGamma(keys.base(), a, false).toFloatArray();
        for (int b = 0; b < 3; b++) {
            float[] one = Lax.randomGamma(keys.get(b).base(), a.get(b), false).toFloatArray();
            for (int i = 0; i < 4; i++) assertEquals(one[i], batched[4 * b + i]);
        }
        assertArrayEquals(Random.gamma(keys.get(1), a.get(1), null, null).toFloatArray(),
                Lax.randomGamma(keys.get(1).base(), a.get(1), false).toFloatArray());
    }

    @Test
    void printsLikeJax() {
        assertEquals("random_gamma", new RandomGamma(true, true).name());
        assertEquals("[Param[name=log_space, value=true]]", new RandomGamma(true, false).params().toString());
    }
}
