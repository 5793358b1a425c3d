package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.Storage;

/**
 * The reference semantics of the key primitives in plain loops over threefry2x32 blocks (SPEC §5,
 * §6 of shared/reference/prng): one key's random bits, split and fold_in, in both modes.
 */
final class KeyEval {
    private KeyEval() {}

    /**
     * {@code random_bits} of key {@code (k0, k1)}: {@code n} values of {@code width} bits written to
     * {@code out} (storage of {@code dtype}) from {@code at}.
     */
    static void bits(int k0, int k1, int width, int n, boolean partitionable, DType dtype, Object out, int at) {
        int[] y = new int[2];
        if (partitionable) {
            for (int i = 0; i < n; i++) {
                Threefry2x32.block(k0, k1, 0, i, y);
                long v = width == 64 ? ((long) y[0] << 32) | (y[1] & 0xFFFFFFFFL) : (y[0] ^ y[1]) & 0xFFFFFFFFL;
                Storage.setLong(dtype, out, at + i, v);
            }
            return;
        }
        if (width == 64) {
            for (int i = 0; i < n; i++) {        // hash of iota(2n): pair (i, n + i), y0 high, y1 low
                Threefry2x32.block(k0, k1, i, n + i, y);
                Storage.setLong(dtype, out, at + i, ((long) y[0] << 32) | (y[1] & 0xFFFFFFFFL));
            }
            return;
        }
        int words = (int) (((long) width * n + 31) / 32);
        int[] w = hashIota(k0, k1, words);
        int per = 32 / width;
        long mask = (1L << width) - 1;
        for (int i = 0; i < n; i++) {
            long word = w[i / per] & 0xFFFFFFFFL;
            Storage.setLong(dtype, out, at + i, (word >>> (width * (i % per))) & mask);
        }
    }

    /** JAX's {@code threefry_2x32(key, iota(w))}: first half paired with second half, odd counts padded. */
    static int[] hashIota(int k0, int k1, int w) {
        int h = (w + 1) / 2;
        int[] out = new int[2 * h];
        int[] y = new int[2];
        for (int i = 0; i < h; i++) {
            Threefry2x32.block(k0, k1, i, i + h == w ? 0 : i + h, y);
            out[i] = y[0];
            out[h + i] = y[1];
        }
        return out;
    }

    /** {@code split(key, n)}: {@code n} keys, key j at {@code [2j, 2j + 1]} of {@code out} from {@code at}. */
    static void split(int k0, int k1, int n, boolean partitionable, int[] out, int at) {
        int[] keys = ThreefryScalars.split(k0, k1, n, partitionable);
        System.arraycopy(keys, 0, out, at, 2 * n);
    }

    /** {@code fold_in(key, d)} (both modes): the block of counter {@code (0, d)}. */
    static void foldIn(int k0, int k1, int d, int[] out, int at) {
        int[] y = new int[2];
        Threefry2x32.block(k0, k1, 0, d, y);
        out[at] = y[0];
        out[at + 1] = y[1];
    }
}
