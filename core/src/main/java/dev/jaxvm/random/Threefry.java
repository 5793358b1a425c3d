package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.LaxRandom;

/**
 * The threefry2x32 key operations the samplers use, over single {@code key<fry>} keys: thin
 * wrappers of the key primitives of {@link LaxRandom} (JAX's {@code jax/_src/random/prng.py}).
 */
final class Threefry {
    private Threefry() {}

    static Array u32(long v) { return DenseArray.scalarLong(DType.UINT32, false, v); }

    /** A key for a 64-bit seed: the seed as the default int (wrapped to 32 bits with x64 off), seeded. */
    static Array seed(long seed) {
        boolean x64 = Jax.config().enableX64();
        return LaxRandom.randomSeed(DenseArray.scalarLong(x64 ? DType.INT64 : DType.INT32, false, seed));
    }

    /** A key for a scalar integer seed array (JAX's {@code threefry_seed}). */
    static Array seed(Array seed) {
        if (seed.ndim() != 0) {
            throw new IllegalArgumentException("PRNG key seed must be a scalar; got " + seed.type().toLongString() + ".");
        }
        if (!seed.dtype().isInteger()) {
            throw new IllegalArgumentException("PRNG key seed must be an integer; got " + seed.type().toLongString());
        }
        return LaxRandom.randomSeed(seed);
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("shape must be non-negative, got " + java.util.Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new UnsupportedOperationException("arrays of more than 2^31-1 elements");
        return (int) n;
    }

    /** {@code split(key, shape)}: keys of shape {@code shape}. */
    static Array split(Array key, int[] shape) {
        size(shape);
        return LaxRandom.randomSplit(key, shape);
    }

    /** The two keys of {@code split(key)}. */
    static Array[] split2(Array key) { return unpack(split(key, new int[] {2})); }

    /**
     * The keys of a key array of shape {@code (n,)}, as Python's tuple unpacking takes them
     * ({@code k1, k2 = split(key)}): unit-stride slices, squeezed.
     */
    static Array[] unpack(Array keys) {
        int n = keys.shape()[0];
        Array[] out = new Array[n];
        for (int i = 0; i < n; i++) {
            out[i] = Lax.squeeze(Lax.slice(keys, new int[] {i}, new int[] {i + 1}, new int[] {1}), 0);
        }
        return out;
    }

    /** {@code fold_in(key, data)} for uint32 data. */
    static Array foldIn(Array key, Array d) { return LaxRandom.randomFoldIn(key, d); }

    /** {@code random_bits(key, width, shape)}: uint8/16/32/64 (by width) of the given shape. */
    static Array randomBits(Array key, int width, int[] shape) {
        size(shape);
        if (width != 8 && width != 16 && width != 32 && width != 64) {
            throw new IllegalArgumentException("requires 8-, 16-, 32- or 64-bit field width.");
        }
        return LaxRandom.randomBits(key, width, shape);
    }
}
