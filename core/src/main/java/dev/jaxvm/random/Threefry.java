package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.List;

/**
 * The threefry2x32 PRNG implementation written with lax operations (JAX's
 * {@code jax/_src/random/threefry2x32.py}): seeding, split, fold_in and random_bits, in both
 * settings of {@code jax_threefry_partitionable}.
 */
final class Threefry {
    private Threefry() {}

    static boolean partitionable() { return Jax.config().threefryPartitionable(); }

    static Array u32(long v) { return DenseArray.scalarLong(DType.UINT32, false, v); }

    /** The key words {@code (k0, k1)} of a single key's data {@code u32[2]}, as two scalars. */
    static Array[] words(Array data) {
        Array k0 = Lax.reshape(Lax.slice(data, new int[] {0}, new int[] {1}, null));
        Array k1 = Lax.reshape(Lax.slice(data, new int[] {1}, new int[] {2}, null));
        return new Array[] {k0, k1};
    }

    /** Key data for a 64-bit seed: {@code [hi, lo]} with x64 on, {@code [0, lo]} with x64 off. */
    static Array seed(long seed) {
        long hi = Jax.config().enableX64() ? seed >>> 32 : 0;
        return DenseArray.of(dev.jaxvm.core.ArrayType.of(DType.UINT32, 2), new int[] {(int) hi, (int) seed});
    }

    /** Key data for a scalar integer seed array (JAX's {@code threefry_seed}). */
    static Array seed(Array seed) {
        if (seed.ndim() != 0) {
            throw new IllegalArgumentException("PRNG key seed must be a scalar; got " + seed.type().toLongString() + ".");
        }
        if (!seed.dtype().isInteger()) {
            throw new IllegalArgumentException("PRNG key seed must be an integer; got " + seed.type().toLongString());
        }
        DType t = seed.dtype();
        Array shift = DenseArray.scalarLong(t, false, 32);
        Array hi = Lax.convertElementType(Lax.shiftRightLogical(seed, shift), DType.UINT32, false);
        Array lo = Lax.convertElementType(seed, DType.UINT32, false);
        return Lax.stack(List.of(hi, lo), 0);
    }

    /** {@code threefry2x32(key, x0, x1)} for scalar key words and equally shaped counters. */
    static Array[] hash(Array[] k, Array x0, Array x1) {
        List<Array> y = Lax.threefry2x32(k[0], k[1], x0, x1);
        return new Array[] {y.get(0), y.get(1)};
    }

    /** The row-major flat index over {@code shape} as uint32 counters (the low words; the high words are 0). */
    static Array iota(int[] shape) {
        int n = size(shape);
        return Lax.reshape(Lax.iota(DType.UINT32, n), shape);
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

    /**
     * JAX's {@code threefry_2x32(key, iota(w))}: counts {@code [0, w)} hashed as first half paired
     * with second half (an odd count padded with one 0), outputs concatenated; shape {@code (w,)}.
     */
    static Array hashIota(Array[] k, int w) {
        int h = (w + 1) / 2;
        Array x0 = Lax.iota(DType.UINT32, h);
        Array x1 = Lax.add(x0, Lax.broadcastInDim(u32(h), new int[] {h}));
        if (w % 2 == 1) {
            Array pad = Lax.eq(x1, Lax.broadcastInDim(u32(w), new int[] {h}));
            x1 = Lax.select(pad, Lax.broadcastInDim(u32(0), new int[] {h}), x1);
        }
        Array[] y = hash(k, x0, x1);
        Array out = Lax.reshape(Lax.stack(List.of(y[0], y[1]), 0), 2 * h);
        return w == 2 * h ? out : Lax.slice(out, new int[] {0}, new int[] {w}, null);
    }

    /** {@code split(key, shape)}: key data of shape {@code shape + (2,)}. */
    static Array split(Array data, int[] shape) {
        Array[] k = words(data);
        int n = size(shape);
        int[] outShape = java.util.Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = 2;
        if (partitionable()) {
            Array[] y = hash(k, u32(0), iota(shape));
            return Lax.stack(List.of(y[0], y[1]), shape.length);
        }
        return Lax.reshape(hashIota(k, 2 * n), outShape);
    }

    /** {@code fold_in(key, data)} (both modes): the block of counter {@code (0, data)}. */
    static Array foldIn(Array data, Array d) {
        Array[] k = words(data);
        Array[] y = hash(k, u32(0), d);
        return Lax.stack(List.of(y[0], y[1]), 0);
    }

    /** {@code random_bits(key, width, shape)}: uint8/16/32/64 (by width) of the given shape. */
    static Array randomBits(Array data, int width, int[] shape) {
        Array[] k = words(data);
        DType dt = switch (width) {
            case 8 -> DType.UINT8;
            case 16 -> DType.UINT16;
            case 32 -> DType.UINT32;
            case 64 -> DType.UINT64;
            default -> throw new IllegalArgumentException("requires 8-, 16-, 32- or 64-bit field width.");
        };
        int n = size(shape);
        if (partitionable()) {
            Array[] y = hash(k, u32(0), iota(shape));
            if (width == 64) {
                Array hi = Lax.convertElementType(y[0], dt, false);
                Array lo = Lax.convertElementType(y[1], dt, false);
                return Lax.bitwiseOr(Lax.shiftLeft(hi, DenseArray.scalarLong(dt, false, 32)), lo);
            }
            Array x = Lax.bitwiseXor(y[0], y[1]);
            return width == 32 ? x : Lax.convertElementType(x, dt, false);
        }
        long words = ((long) width * n + 31) / 32;
        if (words >= 0xFFFFFFFFL) throw new UnsupportedOperationException("legacy random bits of 2^32-1 words or more");
        int w = (int) words;
        if (width == 64) {
            // w = 2n: the first half holds the high words, the second half the low words
            Array[] y = hash(k, Lax.iota(DType.UINT32, n), Lax.add(Lax.iota(DType.UINT32, n),
                    Lax.broadcastInDim(u32(n), new int[] {n})));
            Array hi = Lax.convertElementType(y[0], dt, false);
            Array lo = Lax.convertElementType(y[1], dt, false);
            return Lax.reshape(Lax.bitwiseOr(Lax.shiftLeft(hi, DenseArray.scalarLong(dt, false, 32)), lo), shape);
        }
        Array bits = hashIota(k, w);
        if (width == 32) return Lax.reshape(bits, shape);
        int per = 32 / width;
        Array wide = Lax.broadcastInDim(bits, new int[] {w, per}, 0);
        Array shifts = Lax.mul(Lax.broadcastedIota(DType.UINT32, new int[] {w, per}, 1),
                Lax.broadcastInDim(u32(width), new int[] {w, per}));
        Array mask = Lax.broadcastInDim(u32((1L << width) - 1), new int[] {w, per});
        Array parts = Lax.bitwiseAnd(Lax.shiftRightLogical(wide, shifts), mask);
        Array flat = Lax.convertElementType(Lax.reshape(parts, w * per), dt, false);
        return Lax.reshape(Lax.slice(flat, new int[] {0}, new int[] {n}, null), shape);
    }
}
