package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.DType;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** Errors in the user's words, raised before any work. */
class RandomErrorsTest {
    private static final int[] S = {3};

    @Test
    void samplersTakeOneKey() {
        KeyArray keys = Random.split(Random.key(0), 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Random.normal(keys, S));
        assertEquals("normal accepts a single key, but was given a key array of shape (2,) != (). Use jax.vmap for"
                + " batching.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Random.split(keys));
        assertThrows(IllegalArgumentException.class, () -> Random.foldIn(keys, 1));
    }

    @Test
    void dtypesAreChecked() {
        KeyArray k = Random.key(0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.bits(k, S, DType.INT32)).getMessage()
                .contains("unsigned"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.uniform(k, S, DType.INT32)).getMessage()
                .contains("float"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.randint(k, S, 0, 3, DType.FLOAT32))
                .getMessage().contains("integer"));
        assertThrows(IllegalArgumentException.class, () -> Random.bernoulli(k, Jnp.array(1), S));
        assertThrows(IllegalArgumentException.class, () -> Random.normal(k, new int[] {-1}));
    }

    @Test
    void keysAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Random.wrapKeyData(Jnp.array(new int[] {1, 2, 3}, DType.UINT32)));
        assertThrows(IllegalArgumentException.class, () -> Random.wrapKeyData(Jnp.array(new int[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Random.key(Jnp.array(new int[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Random.key(Jnp.array(1.5f)));
        assertThrows(IndexOutOfBoundsException.class, () -> Random.split(Random.key(0)).get(2));
        assertEquals(0, Random.split(Random.key(0), new int[] {2, 3}).get(1, -1).ndim());
    }
}
