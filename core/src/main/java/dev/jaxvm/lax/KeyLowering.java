package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The key primitives written as {@code threefry2x32} and integer lax operations (JAX's
 * {@code threefry2x32.py}): the programs their compiled lowering calls, so that a sampler's bits are
 * the compiled threefry kernel fused with what consumes them.
 */
final class KeyLowering {
    private KeyLowering() {}

    /** The one-output program {@code f} traced for operands of types {@code in}. */
    static ClosedJaxpr program(List<ArrayType> in, Function<List<Array>, Array> f) {
        return StagingInterpreter.trace(xs -> List.of(f.apply(xs)), in);
    }

    static Array u32(long v) { return DenseArray.scalarLong(DType.UINT32, false, v); }

    /** Key words {@code k0, k1} of raw key data {@code K + (2,)}, each broadcast to {@code K + C}. */
    private static Array[] words(Array data, int[] c) {
        int[] s = data.shape();
        int kr = s.length - 1;
        int[] out = Arrays.copyOf(Arrays.copyOf(s, kr), kr + c.length);
        System.arraycopy(c, 0, out, kr, c.length);
        int[] dims = new int[kr];
        for (int i = 0; i < kr; i++) dims[i] = i;
        Array[] k = new Array[2];
        for (int j = 0; j < 2; j++) {
            int[] start = new int[kr + 1];
            int[] limit = s.clone();
            start[kr] = j;
            limit[kr] = j + 1;
            Array w = Lax.reshape(Lax.slice(data, start, limit, null), Arrays.copyOf(s, kr));
            k[j] = kr == 0 ? w : Lax.broadcastInDim(w, out, dims);
        }
        return k;
    }

    /** Counters {@code x} of shape {@code c}, broadcast over the leading key axes of {@code out}. */
    private static Array counters(Array x, int[] out) {
        if (Arrays.equals(x.shape(), out)) return x;
        int[] dims = new int[x.ndim()];
        for (int i = 0; i < dims.length; i++) dims[i] = out.length - x.ndim() + i;
        return Lax.broadcastInDim(x, out, dims);
    }

    private static int[] plus(int[] a, int... b) {
        int[] d = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, d, a.length, b.length);
        return d;
    }

    /** Hash of counters {@code (x0, x1)} of shape {@code c} under every key of {@code data}. */
    private static Array[] hash(Array data, Array x0, Array x1, int[] c) {
        Array[] k = words(data, c);
        int[] out = plus(Arrays.copyOf(data.shape(), data.ndim() - 1), c);
        List<Array> y = Lax.threefry2x32(k[0], k[1], x0.ndim() == 0 ? x0 : counters(x0, out),
                x1.ndim() == 0 ? x1 : counters(x1, out));
        return new Array[] {y.get(0), y.get(1)};
    }

    /** The row-major flat index over {@code shape} as uint32 counters. */
    private static Array iota(int[] shape) {
        return Lax.reshape(Lax.iota(DType.UINT32, new Shape(shape).size()), shape);
    }

    /** Hash of {@code iota(w)} (first half with second half, odd padded): {@code K + (w,)}. */
    private static Array hashIota(Array data, int w) {
        int h = (w + 1) / 2;
        Array x0 = Lax.iota(DType.UINT32, h);
        Array x1 = Lax.add(x0, Lax.broadcastInDim(u32(h), new int[] {h}));
        if (w % 2 == 1) {
            Array pad = Lax.eq(x1, Lax.broadcastInDim(u32(w), new int[] {h}));
            x1 = Lax.select(pad, Lax.broadcastInDim(u32(0), new int[] {h}), x1);
        }
        Array[] y = hash(data, x0, x1, new int[] {h});
        int kr = data.ndim() - 1;
        Array out = Lax.concatenate(List.of(y[0], y[1]), kr);
        if (w == 2 * h) return out;
        int[] start = new int[kr + 1];
        int[] limit = out.shape();
        limit[kr] = w;
        return Lax.slice(out, start, limit, null);
    }

    /** {@code random_bits}: raw key data {@code K + (2,)} to bits {@code K + shape}. */
    static Array bits(Array keys, int width, int[] shape, boolean partitionable) {
        Array data = LaxRandom.randomUnwrap(keys);
        DType dt = KeyTypes.bitsDType(width);
        int[] ks = Arrays.copyOf(data.shape(), data.ndim() - 1);
        int n = new Shape(shape).size();
        int[] outShape = plus(ks, shape);
        if (partitionable) {
            Array[] y = hash(data, u32(0), iota(shape), shape);
            if (width == 64) return join64(y[0], y[1]);
            Array x = Lax.bitwiseXor(y[0], y[1]);
            return width == 32 ? x : Lax.convertElementType(x, dt, false);
        }
        if (width == 64) {
            Array i = Lax.iota(DType.UINT32, n);
            Array[] y = hash(data, i, Lax.add(i, Lax.broadcastInDim(u32(n), new int[] {n})), new int[] {n});
            return Lax.reshape(join64(y[0], y[1]), outShape);
        }
        int w = (int) (((long) width * n + 31) / 32);
        Array words = hashIota(data, w);
        if (width == 32) return Lax.reshape(words, outShape);
        int per = 32 / width;
        int kr = ks.length;
        int[] wide = plus(ks, w, per);
        int[] dims = new int[kr + 1];
        for (int i = 0; i <= kr; i++) dims[i] = i;
        Array x = Lax.broadcastInDim(words, wide, dims);
        Array shifts = Lax.mul(Lax.broadcastedIota(DType.UINT32, wide, kr + 1), Lax.broadcastInDim(u32(width), wide));
        Array parts = Lax.bitwiseAnd(Lax.shiftRightLogical(x, shifts), Lax.broadcastInDim(u32((1L << width) - 1), wide));
        Array flat = Lax.convertElementType(Lax.reshape(parts, plus(ks, w * per)), dt, false);
        int[] start = new int[kr + 1];
        int[] limit = plus(ks, n);
        return Lax.reshape(Lax.slice(flat, start, limit, null), outShape);
    }

    private static Array join64(Array hi, Array lo) {
        Array h = Lax.convertElementType(hi, DType.UINT64, false);
        Array l = Lax.convertElementType(lo, DType.UINT64, false);
        return Lax.bitwiseOr(Lax.shiftLeft(h, DenseArray.scalarLong(DType.UINT64, false, 32)), l);
    }

    /** {@code random_split}: keys {@code K} to keys {@code K + shape}. */
    static Array split(Array keys, int[] shape, boolean partitionable) {
        Array data = LaxRandom.randomUnwrap(keys);
        int[] ks = Arrays.copyOf(data.shape(), data.ndim() - 1);
        Array out;
        if (partitionable) {
            Array[] y = hash(data, u32(0), iota(shape), shape);
            out = Lax.stack(List.of(y[0], y[1]), ks.length + shape.length);
        } else {
            out = Lax.reshape(hashIota(data, 2 * new Shape(shape).size()), plus(plus(ks, shape), 2));
        }
        return LaxRandom.randomWrap(out);
    }

    /** {@code random_fold_in}: keys and uint32 messages broadcast together; the block of counter {@code (0, msg)}. */
    static Array foldIn(Array keys, Array msgs, Shape out) {
        Array data = LaxRandom.randomUnwrap(keys);
        int[] o = out.dims();
        Array d = broadcastTo(data, plus(o, 2));
        Array m = msgs.ndim() == 0 ? msgs : broadcastTo(msgs, o);
        Array[] y = hash(d, u32(0), m, new int[0]);
        return LaxRandom.randomWrap(Lax.stack(List.of(y[0], y[1]), o.length));
    }

    /** NumPy broadcasting of {@code x} to {@code shape} (size-1 axes stretched), as lax operations. */
    static Array broadcastTo(Array x, int[] shape) {
        if (Arrays.equals(x.shape(), shape)) return x;
        int[] s = x.shape();
        int off = shape.length - s.length;
        int[] keep = new int[s.length];
        int[] kept = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == shape[off + i]) {
                keep[n] = i;
                kept[n++] = off + i;
            }
        }
        Array y = Lax.reshape(x, dimsAt(s, Arrays.copyOf(keep, n)));
        return Lax.broadcastInDim(y, shape, Arrays.copyOf(kept, n));
    }

    private static int[] dimsAt(int[] s, int[] idx) {
        int[] d = new int[idx.length];
        for (int i = 0; i < idx.length; i++) d[i] = s[idx[i]];
        return d;
    }

    /** {@code random_seed}: {@code [s >>> 32, s & 0xFFFFFFFF]} per seed, the shift in the seed's own width. */
    static Array seed(Array seeds) {
        DType t = seeds.dtype();
        Array lo = Lax.convertElementType(seeds, DType.UINT32, false);
        Array hi = t.bits() == 64
                ? Lax.convertElementType(Lax.shiftRightLogical(seeds, DenseArray.scalarLong(t, false, 32)), DType.UINT32, false)
                : Lax.broadcastInDim(u32(0), seeds.shape());
        return LaxRandom.randomWrap(Lax.stack(List.of(hi, lo), seeds.ndim()));
    }
}
