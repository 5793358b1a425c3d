package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.LaxRandom;

/**
 * The key half of {@link Random} ({@code jax.random}'s key functions): seeding, wrapping and
 * unwrapping, splitting and folding typed {@code key<fry>} keys, and the raw {@code uint32[2]} key
 * forms JAX also accepts. Use it through {@code Random}.
 *
 * {@snippet :
 * KeyArray key = Random.key(0);
 * Array data = Random.keyData(Random.split(key, 3));   // u32[3, 2]
 * }
 */
public class RandomKeys {
    RandomKeys() {}

    /**
     * A typed key from an integer seed ({@code jax.random.key}): key data {@code [0, seed mod 2^32]}
     * with x64 off (the seed is wrapped to 32 bits), {@code [seed >>> 32, seed & 0xFFFFFFFF]} with x64 on.
     */
    public static KeyArray key(long seed) { return new KeyArray(Threefry.seed(seed)); }

    /** A typed key from a scalar integer seed array (which may be traced): {@code random_seed}. */
    public static KeyArray key(Array seed) { return new KeyArray(Threefry.seed(seed)); }

    /** Raw key data {@code uint32[2]} from an integer seed ({@code jax.random.PRNGKey}). */
    public static Array PRNGKey(long seed) { return keyData(key(seed)); }

    /** Raw key data from a scalar integer seed array. */
    public static Array PRNGKey(Array seed) { return keyData(key(seed)); }

    /** The {@code uint32[..., 2]} data under a key array ({@code jax.random.key_data}): {@code random_unwrap}. */
    public static Array keyData(KeyArray keys) { return LaxRandom.randomUnwrap(keys.base()); }

    /**
     * Wraps raw {@code uint32[..., 2]} key data as a typed key array ({@code jax.random.wrap_key_data}):
     * {@code random_wrap}.
     */
    public static KeyArray wrapKeyData(Array keyBitsArray) { return new KeyArray(LaxRandom.randomWrap(keyBitsArray)); }

    /** The name of a key array's PRNG implementation ({@code jax.random.key_impl}): always {@code "threefry2x32"}. */
    public static String keyImpl(KeyArray keys) { return "threefry2x32"; }

    /** A copy of a key array ({@code jax.random.clone}): {@code random_clone}. */
    public static KeyArray clone(KeyArray key) { return new KeyArray(LaxRandom.randomClone(key.base())); }

    /** Two new keys, shape {@code (2,)}. */
    public static KeyArray split(KeyArray key) { return split(key, 2); }

    /** {@code num} new keys, shape {@code (num,)}. */
    public static KeyArray split(KeyArray key, int num) { return split(key, new int[] {num}); }

    /** New keys of the given shape. */
    public static KeyArray split(KeyArray key, int[] shape) {
        return new KeyArray(Threefry.split(single("split", key), shape.clone()));
    }

    /** Raw-key {@code split}: key data {@code uint32[num, 2]} from key data {@code uint32[2]}. */
    public static Array split(Array key, int num) { return keyData(split(wrapKeyData(key), num)); }

    /** Raw-key {@code split(key)}: key data {@code uint32[2, 2]}. */
    public static Array split(Array key) { return split(key, 2); }

    /** A new key mixing {@code data} (as uint32) into {@code key} ({@code jax.random.fold_in}). */
    public static KeyArray foldIn(KeyArray key, int data) {
        return new KeyArray(Threefry.foldIn(single("fold_in", key), Threefry.u32(data)));
    }

    /** {@code foldIn} with a scalar integer array (which may be traced). */
    public static KeyArray foldIn(KeyArray key, Array data) {
        if (data.ndim() != 0 || !data.dtype().isInteger()) {
            throw new IllegalArgumentException("fold_in data must be a scalar integer, got " + data.type().toLongString());
        }
        return new KeyArray(Threefry.foldIn(single("fold_in", key), Lax.convertElementType(data, DType.UINT32, false)));
    }

    /** Raw-key {@code foldIn}. */
    public static Array foldIn(Array key, int data) { return keyData(foldIn(wrapKeyData(key), data)); }

    /** The single key of a key array of shape {@code ()}, or JAX's error naming the function. */
    static Array single(String name, KeyArray key) {
        if (key.ndim() != 0) {
            throw new IllegalArgumentException(name + " accepts a single key, but was given a key array of shape "
                    + shapeString(key.shape()) + " != (). Use jax.vmap for batching.");
        }
        return key.base();
    }

    private static String shapeString(int[] s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? ", " : "").append(s[i]);
        return b.append(')').toString();
    }
}
