package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.random.KeyArray;
import dev.jaxvm.random.Random;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** PRNG keys batch: sampling under vmap over a batch of keys equals sampling with each key. */
class VmapRandomTest {
    @Test
    void normalOverABatchOfKeys() {
        KeyArray keys = Random.split(Random.key(0), 4);
        Function<KeyArray, Array> sample = k -> Random.normal(k, new int[] {3});
        Array batched = Jax.vmap(sample).apply(keys);
        assertArrayEquals(new int[] {4, 3}, batched.shape());
        List<Array> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) rows.add(sample.apply(keys.get(i)));
        assertArrayEquals(Lax.stack(rows, 0).toFloatArray(), batched.toFloatArray());
    }

    @Test
    void splitAndUniformOverRawKeyData() {
        Array data = Random.split(Random.PRNGKey(42), 3);     // u32[3, 2]
        Function<Array, Array> f = k -> Random.uniform(Random.split(k).get(1), new int[] {2});
        Array batched = Jax.vmap(f).apply(data);
        List<Array> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) rows.add(f.apply(Lax.squeeze(Lax.slice(data, new int[] {i, 0}, new int[] {i + 1, 2}, null), 0)));
        assertArrayEquals(Lax.stack(rows, 0).toFloatArray(), batched.toFloatArray());
    }
}
