package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers shared by differentiation rules and the autodiff interpreters: tangent types, zeros,
 * accumulation with {@code add_any}, and the broadcasting fix-ups of JAX's {@code _maybe_broadcast}
 * and {@code _unbroadcast}. Everything here binds through {@link Lax}, so it traces.
 */
public final class Tangents {
    private Tangents() {}

    /** The type of tangents and cotangents of values of type {@code primal}: float0 for integers and bools. */
    public static ArrayType tangentType(ArrayType primal) {
        DType t = primal.dtype();
        return t.isFloating() ? primal : new ArrayType(primal.shape(), DType.FLOAT0, false);
    }

    /** Whether values of this type have (non-float0) tangents. */
    public static boolean isDifferentiable(ArrayType t) { return t.dtype().isFloating(); }

    /** An instantiated zero of type {@code t} ({@code broadcast_in_dim 0.0} when traced; float0 is concrete). */
    public static Array zeros(ArrayType t) {
        if (t.dtype() == DType.FLOAT0) return DenseArray.zeros(t);
        DenseArray zero = DenseArray.scalar(t.dtype(), t.weakType(), 0);
        return t.rank() == 0 ? zero : Lax.broadcastInDim(zero, t.shape().dims());
    }

    /** {@code a + b} with {@code add_any}, where {@code null} is a symbolic zero. */
    public static Array add(Array a, Array b) {
        if (a == null) return b;
        if (b == null) return a;
        return Lax.addAny(a, b);
    }

    /** A scalar constant of {@code x}'s dtype, strongly typed (JAX's {@code _const}). */
    public static Array constant(Array x, double v) { return DenseArray.scalar(x.dtype(), false, v); }

    /** A scalar constant of {@code x}'s dtype and weak type (JAX's {@code _one} / {@code _zero}). */
    public static Array scalarLike(Array x, double v) { return DenseArray.scalar(x.dtype(), x.weakType(), v); }

    /** An array of {@code x}'s type filled with {@code v} (JAX's {@code full_like}). */
    public static Array fullLike(Array x, double v) {
        Array s = scalarLike(x, v);
        return x.ndim() == 0 ? s : Lax.broadcastInDim(s, x.shape());
    }

    /** {@code x} broadcast to {@code shape} when its shape differs (JAX's {@code _maybe_broadcast}). */
    public static Array maybeBroadcast(Shape shape, Array x) {
        Shape xs = x.type().shape();
        if (xs.equals(shape)) return x;
        if (xs.rank() == 0) return Lax.broadcastInDim(x, shape.dims());
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < xs.rank(); i++) if (xs.dim(i) == shape.dim(i)) dims.add(i);
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        int[] squeezed = new int[d.length];
        for (int i = 0; i < d.length; i++) squeezed[i] = xs.dim(d[i]);
        return Lax.broadcastInDim(Lax.reshape(x, squeezed), shape.dims(), d);
    }

    /** The cotangent {@code ct} summed back to the shape of {@code type} (JAX's {@code _unbroadcast}). */
    public static Array unbroadcast(ArrayType type, Array ct) {
        Shape target = type.shape();
        Shape cs = ct.type().shape();
        if (target.equals(cs)) return ct;
        if (target.rank() == 0) {
            int[] all = new int[cs.rank()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return Lax.reduceSum(ct, all);
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < cs.rank(); i++) if (cs.dim(i) != target.dim(i)) dims.add(i);
        Array x = dims.isEmpty() ? ct : Lax.reduceSum(ct, dims.stream().mapToInt(Integer::intValue).toArray());
        return Lax.reshape(x, target.dims());
    }

    /** Inserts size-1 axes at {@code dims} of the result (JAX's {@code lax.expand_dims}). */
    public static Array expandDims(Array x, int... dims) {
        if (dims.length == 0) return x;
        int outRank = x.ndim() + dims.length;
        boolean[] isNew = new boolean[outRank];
        for (int d : dims) isNew[d] = true;
        int[] shape = new int[outRank];
        int[] bdims = new int[x.ndim()];
        int[] in = x.shape();
        for (int i = 0, j = 0; i < outRank; i++) {
            if (isNew[i]) shape[i] = 1;
            else {
                shape[i] = in[j];
                bdims[j++] = i;
            }
        }
        return Lax.broadcastInDim(x, shape, bdims);
    }

    /** A list of {@code n} nulls (symbolic zeros), mutable. */
    public static List<Array> zerosList(int n) { return new ArrayList<>(java.util.Collections.nCopies(n, null)); }
}
