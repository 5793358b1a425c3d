package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.LaxRandom;
import dev.jaxvm.numpy.Jnp;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Typed keys ({@code key<fry>}): the Jaxprs JAX 0.10.2 prints for the key primitives, byte for byte
 * (resource prng/typed_keys.json, from tools/gen_prng_typed_keys.py), JAX's repr, and the key
 * primitives eager, under jit and under vmap.
 */
class TypedKeysTest {
    private static final JsonObject G = Golden.load("/prng/typed_keys.json");

    private static String jaxpr(String name) { return G.getAsJsonObject("jaxprs").get(name).getAsString(); }

    private static <T> String make(Function<T, Object> f, T arg) { return Jax.makeJaxpr(f).apply(arg).toString(); }

    @Test
    void keyPrimitiveJaxprsPrintAsJax() {
        KeyArray k = Random.key(0);
        Array raw = Random.PRNGKey(0);
        assertEquals(jaxpr("key"), make((Array s) -> Random.key(s), Jnp.array(0)));
        assertEquals(jaxpr("split"), make((KeyArray x) -> Random.split(x), k));
        assertEquals(jaxpr("split_2x3"), make((KeyArray x) -> Random.split(x, new int[] {2, 3}), k));
        assertEquals(jaxpr("fold_in"), make((KeyArray x) -> Random.foldIn(x, 3), k));
        assertEquals(jaxpr("key_data"), make((KeyArray x) -> Random.keyData(x), k));
        assertEquals(jaxpr("wrap_key_data"), make((Array d) -> Random.wrapKeyData(d), raw));
        assertEquals(jaxpr("clone"), make((KeyArray x) -> Random.clone(x), k));
        assertEquals(jaxpr("bits"), make((KeyArray x) -> Random.bits(x, new int[] {2}), k));
        assertEquals(jaxpr("bits_u8"), make((KeyArray x) -> Random.bits(x, new int[] {4}, DType.UINT8), k));
        assertEquals(jaxpr("raw_split"), make((Array d) -> Random.split(d), raw));
        assertEquals(jaxpr("raw_fold_in"), make((Array d) -> Random.foldIn(d, 7), raw));
        assertEquals(jaxpr("split_index"), make((KeyArray x) -> Random.split(x).get(1), k));
        assertEquals(jaxpr("split_2x3_index"), make((KeyArray x) -> Random.split(x, new int[] {2, 3}).get(1, 2), k));
        assertEquals(jaxpr("split_2x3_row"), make((KeyArray x) -> Random.split(x, new int[] {2, 3}).get(1), k));
        assertEquals(jaxpr("key_data_of_split"), make((KeyArray x) -> Random.keyData(Random.split(x, 5)), k));
    }

    @Test
    void samplerJaxprsPrintAsJax() {
        KeyArray k = Random.key(0);
        assertEquals(jaxpr("uniform"), make((KeyArray x) -> Random.uniform(x, new int[] {3}), k));
        assertEquals(jaxpr("uniform_2x3_f16"), make((KeyArray x) -> Random.uniform(x, new int[] {2, 3}, DType.FLOAT16, 0.5, 2.0), k));
        assertEquals(jaxpr("normal"), make((KeyArray x) -> Random.normal(x, new int[] {3}), k));
        assertEquals(jaxpr("normal_scalar"), make((KeyArray x) -> Random.normal(x), k));
        assertEquals(jaxpr("randint"), make((KeyArray x) -> Random.randint(x, new int[] {3}, 0, 10), k));
        assertEquals(jaxpr("randint_scalar_u32"), make((KeyArray x) -> Random.randint(x, new int[0], -5, 1000, DType.UINT32), k));
        assertEquals(jaxpr("exponential"), make((KeyArray x) -> Random.exponential(x, new int[] {3}), k));
        assertEquals(jaxpr("bernoulli"), make((KeyArray x) -> Random.bernoulli(x, 0.3, new int[] {3}), k));
        assertEquals(jaxpr("gamma"), make((KeyArray x) -> Random.gamma(x, 2.0, new int[] {3}), k));
        assertEquals(jaxpr("loggamma_array"), make((KeyArray x) -> Random.loggamma(x, Jnp.array(new float[] {0.5f, 3f}), null, null), k));
        assertEquals(jaxpr("raw_uniform"), make((Array d) -> Random.uniform(d, new int[] {3}), Random.PRNGKey(0)));
    }

    @Test
    void vmappedKeyPrimitivesPrintAsJax() {
        KeyArray keys = Random.split(Random.key(0), 4);
        assertEquals(jaxpr("vmap_bits"), make((KeyArray x) -> Jax.vmap((KeyArray y) -> Random.bits(y, new int[] {2})).apply(x), keys));
        assertEquals(jaxpr("vmap_split"), make((KeyArray x) -> Jax.vmap((KeyArray y) -> Random.split(y, 3)).apply(x), keys));
    }

    @Test
    void reprIsJaxs() {
        JsonObject r = G.getAsJsonObject("repr");
        assertEquals(r.get("key32").getAsString(), Random.key(32).toString());
        assertEquals(r.get("split3").getAsString(), Random.split(Random.key(0), 3).toString());
        assertEquals(r.get("key_minus1").getAsString(), Random.key(-1).toString());
        assertEquals(r.get("split_2x2").getAsString(), Random.split(Random.key(0), new int[] {2, 2}).toString());
    }

    @Test
    void keyArraysHaveLogicalShapesAndIndex() {
        KeyArray ks = Random.split(Random.key(7), new int[] {2, 3});
        assertArrayEquals(new int[] {2, 3}, ks.shape());
        assertEquals(6, ks.size());
        assertEquals("key<fry>[2,3]", ks.base().type().toString());
        assertEquals(ExtendedDType.KEY_FRY, ks.get(1, 2).base().type().extended());
        assertArrayEquals(Random.keyData(ks).toLongArray(), Random.keyData(ks.reshape(6)).toLongArray());
        assertArrayEquals(Random.keyData(ks.get(1, 2)).toLongArray(), Random.keyData(ks.reshape(6).get(5)).toLongArray());
        assertArrayEquals(Random.keyData(ks.get(-1, -1)).toLongArray(), Random.keyData(ks.get(1, 2)).toLongArray());
        assertArrayEquals(Random.keyData(Random.key(7)).toLongArray(),
                Random.keyData(Random.wrapKeyData(Random.keyData(Random.key(7)))).toLongArray());
    }

    @Test
    void keyPrimitivesOverKeyArraysEqualOneCallPerKey() {
        KeyArray ks = Random.split(Random.key(3), 3);
        Array bits = LaxRandom.randomBits(ks.base(), 32, new int[] {4});
        Array split = Random.keyData(new KeyArray(LaxRandom.randomSplit(ks.base(), new int[] {2})));
        Array folded = Random.keyData(new KeyArray(LaxRandom.randomFoldIn(ks.base(), Jnp.array(new int[] {5, 6, 7}).astype(DType.UINT32))));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Random.bits(ks.get(i), new int[] {4}).toLongArray(), bits.get(i).toLongArray());
            assertArrayEquals(Random.keyData(Random.split(ks.get(i))).toLongArray(), split.get(i).toLongArray());
            assertArrayEquals(Random.keyData(Random.foldIn(ks.get(i), 5 + i)).toLongArray(), folded.get(i).toLongArray());
        }
    }

    @Test
    void keyPrimitivesJitAndVmapEqualEager() {
        for (boolean part : new boolean[] {true, false}) {
            Golden.inMode(part, false, () -> {
                KeyArray keys = Random.split(Random.key(11), 5);
                Function<KeyArray, Array> f = k -> Random.keyData(Random.foldIn(Random.split(k, 3).get(2), 9));
                Function<KeyArray, Array> g = k -> Random.bits(k, new int[] {3}, DType.UINT16);
                Array vf = Jax.vmap(f).apply(keys);
                Array vg = Jax.vmap(g).apply(keys);
                Array jvf = Jax.jit((KeyArray ks) -> Jax.vmap(f).apply(ks)).apply(keys);
                for (int i = 0; i < 5; i++) {
                    assertArrayEquals(f.apply(keys.get(i)).toLongArray(), vf.get(i).toLongArray());
                    assertArrayEquals(g.apply(keys.get(i)).toLongArray(), vg.get(i).toLongArray());
                    assertArrayEquals(f.apply(keys.get(i)).toLongArray(), jvf.get(i).toLongArray());
                    assertArrayEquals(Jax.jit(f).apply(keys.get(i)).toLongArray(), f.apply(keys.get(i)).toLongArray());
                }
                Array seeds = Jnp.array(new int[] {1, -2, 3});
                Array vk = Jax.vmap((Array s) -> Random.keyData(Random.key(s))).apply(seeds);
                assertArrayEquals(new long[] {0, 1, 0, 4294967294L, 0, 3}, vk.toLongArray());
                Array vfold = Jax.vmap((Array d) -> Random.keyData(Random.foldIn(Random.key(4), d))).apply(seeds);
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(Random.keyData(Random.foldIn(Random.key(4), new int[] {1, -2, 3}[i])).toLongArray(),
                            vfold.get(i).toLongArray());
                }
                return null;
            });
        }
    }

    @Test
    void compiledSeedingMatchesKnownAnswers() {
        // KNOWN_ANSWERS.md section 2: x64 on, int64 seeds give [hi, lo]; 32-bit seeds [0, lo]
        Golden.inMode(true, true, () -> {
            Array seeds = Jnp.array(new long[] {-1, (1L << 40) + 3, -3});
            Function<Array, Array> f = s -> Random.keyData(Random.key(s));
            long[] want = {4294967295L, 4294967295L, 256, 3, 4294967295L, 4294967293L};
            assertArrayEquals(want, Jax.jit((Array s) -> Jax.vmap(f).apply(s)).apply(seeds).toLongArray());
            assertArrayEquals(want, Jax.vmap(f).apply(seeds).toLongArray());
            return null;
        });
        Array s32 = Jnp.array(new int[] {-1, -2});
        assertArrayEquals(new long[] {0, 4294967295L, 0, 4294967294L},
                Jax.jit((Array s) -> Jax.vmap((Array x) -> Random.keyData(Random.key(x))).apply(s)).apply(s32).toLongArray());
    }

    @Test
    void rawAndTypedKeysGiveTheSameSamples() {
        KeyArray typed = Random.key(5);
        Array raw = Random.PRNGKey(5);
        assertArrayEquals(Random.gamma(typed, 1.5, new int[] {4}).toFloatArray(),
                Random.gamma(KeyArray.of(raw), 1.5, new int[] {4}).toFloatArray());
        assertArrayEquals(Random.normal(typed, new int[] {4}).toFloatArray(), Random.normal(raw, new int[] {4}).toFloatArray());
        assertEquals(typed, KeyArray.of(typed.base()));
        Array vm = Jax.vmap((Array k) -> Random.poisson(KeyArray.of(k), 4.0, new int[] {2})).apply(Random.split(raw, 3));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Random.poisson(Random.split(typed, 3).get(i), 4.0, new int[] {2}).toLongArray(), vm.get(i).toLongArray());
        }
    }

    @Test
    void keyTypesPrintLogicallyAndRejectMisuse() {
        ArrayType t = ArrayType.extended(ExtendedDType.KEY_FRY, Shape.of(3));
        assertEquals("key<fry>[3]", t.toString());
        assertArrayEquals(new int[] {3, 2}, t.shape().dims());
        assertEquals(DType.UINT32, t.dtype());
        assertEquals("u32[3,2]", t.physical().toString());
        assertThrows(IllegalArgumentException.class, () -> new KeyArray(Random.PRNGKey(0)));
        assertThrows(IllegalArgumentException.class, () -> LaxRandom.randomBits(Random.PRNGKey(0), 32, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> LaxRandom.randomWrap(Jnp.zeros(new int[] {3}, DType.UINT32)));
        assertThrows(IllegalArgumentException.class, () -> Random.uniform(Random.split(Random.key(0)), new int[] {2}));
    }
}
