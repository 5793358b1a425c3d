package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * The NumPy API on jaxvm arrays ({@code jax.numpy}), in camelCase. Every function is written in
 * terms of {@link Lax} primitives, lowering as {@code jnp} does, so it traces, differentiates and
 * prints the same Jaxprs as JAX.
 *
 * <p>Arguments typed {@code Object} accept an {@link Array} or a Java scalar ({@code int},
 * {@code long}, {@code float}, {@code double}: weakly typed, as Python scalars; {@code boolean}).
 * Binary functions promote dtypes with JAX's lattice ({@link Promotion}) and broadcast shapes.
 *
 * {@snippet :
 * Array x = Jnp.arange(6).reshape(2, 3);
 * Array y = Jnp.sin(x).add(Jnp.cos(x).mul(2)).sum(0);
 * }
 */
public final class Jnp {
    private Jnp() {}

    // == section: creation ==

    /** An array from a Java scalar, a (nested) Java primitive array, or an existing array. */
    public static Array array(Object value) { return Creation.array(value, null); }

    /** {@link #array(Object)} with an explicit dtype (strongly typed). */
    public static Array array(Object value, DType dtype) { return Creation.array(value, dtype); }

    /** As {@link #array(Object)}, but returns arrays unchanged. */
    public static Array asarray(Object value) { return value instanceof Array a ? a : array(value); }

    /** Zeros of the default float dtype. */
    public static Array zeros(int... shape) { return full(shape, 0.0, DType.defaultFloat()); }

    /** Zeros of the given dtype. */
    public static Array zeros(int[] shape, DType dtype) { return full(shape, 0, dtype); }

    /** Ones of the default float dtype. */
    public static Array ones(int... shape) { return full(shape, 1.0, DType.defaultFloat()); }

    /** Ones of the given dtype. */
    public static Array ones(int[] shape, DType dtype) { return full(shape, 1, dtype); }

    /** An array of {@code shape} filled with {@code fillValue}, of the value's dtype (weak scalars stay weak). */
    public static Array full(int[] shape, Object fillValue) { return full(shape, fillValue, null); }

    /** An array of {@code shape} filled with {@code fillValue} converted to {@code dtype}. */
    public static Array full(int[] shape, Object fillValue, DType dtype) {
        Array v = dtype == null ? asarray(fillValue) : Lax.convertElementType(asarray(fillValue), dtype.canonicalize());
        return broadcastTo(v, shape);
    }

    // == section: elementwise ==

    /** {@code x + y}. */
    public static Array add(Object x, Object y) { return binary("add", x, y, Lax::add); }

    /** {@code x - y}. */
    public static Array subtract(Object x, Object y) { return binary("subtract", x, y, Lax::sub); }

    /** {@code x * y}. */
    public static Array multiply(Object x, Object y) { return binary("multiply", x, y, Lax::mul); }

    /** True division {@code x / y}: integer and bool operands give the default float dtype. */
    public static Array divide(Object x, Object y) {
        List<Array> a = Promote.promoteArgsInexact("divide", x, y);
        return Lax.div(a.get(0), a.get(1));
    }

    /** {@code x ** y}. */
    public static Array power(Object x, Object y) { return binary("power", x, y, Lax::pow); }

    /** {@code -x}. */
    public static Array negative(Object x) { return Lax.neg(asarray(x)); }

    /** {@code sin(x)}. */
    public static Array sin(Object x) { return Lax.sin(Promote.promoteArgsInexact("sin", x).getFirst()); }

    /** {@code cos(x)}. */
    public static Array cos(Object x) { return Lax.cos(Promote.promoteArgsInexact("cos", x).getFirst()); }

    /** {@code x < y}. */
    public static Array less(Object x, Object y) { return binary("less", x, y, Lax::lt); }

    /** {@code x <= y}. */
    public static Array lessEqual(Object x, Object y) { return binary("less_equal", x, y, Lax::le); }

    /** {@code x > y}. */
    public static Array greater(Object x, Object y) { return binary("greater", x, y, Lax::gt); }

    /** {@code x >= y}. */
    public static Array greaterEqual(Object x, Object y) { return binary("greater_equal", x, y, Lax::ge); }

    /** {@code x == y}. */
    public static Array equal(Object x, Object y) { return binary("equal", x, y, Lax::eq); }

    /** {@code x != y}. */
    public static Array notEqual(Object x, Object y) { return binary("not_equal", x, y, Lax::ne); }

    private static Array binary(String name, Object x, Object y, java.util.function.BinaryOperator<Array> op) {
        List<Array> a = Promote.promoteArgs(name, x, y);
        return op.apply(a.get(0), a.get(1));
    }

    // == section: reductions ==

    /** Sum over {@code axes} (all when none); narrow integers and bool sum in the default int width. */
    public static Array sum(Object x, int... axes) {
        Array a = asarray(x);
        DType t = Promote.sumDType(a.dtype());
        if (t != a.dtype()) a = Lax.convertElementType(a, t);
        return Lax.reduceSum(a, Axes.canonical("sum", axes, a.ndim()));
    }

    /**
     * Mean over {@code axes} (all when none). As {@code jnp.mean}: integers and bool are converted to
     * the default float before summing, float16/bfloat16 are summed in float32 and converted back.
     */
    public static Array mean(Object x, int... axes) {
        Array a = asarray(x);
        int[] ax = Axes.canonical("mean", axes, a.ndim());
        long n = 1;
        for (int k : ax) n *= a.shape()[k];
        DType out = a.dtype().isFloating() ? a.dtype() : DType.defaultFloat();
        DType computation = out == DType.FLOAT16 || out == DType.BFLOAT16 ? DType.FLOAT32 : out;
        if (computation != a.dtype()) a = Lax.convertElementType(a, computation);
        Array m = Lax.div(Lax.reduceSum(a, ax), dev.jaxvm.core.DenseArray.scalar(computation, false, n));
        return computation == out ? m : Lax.convertElementType(m, out);
    }

    /** Maximum over {@code axes} (all when none). */
    public static Array max(Object x, int... axes) { throw new UnsupportedOperationException("max: not implemented yet"); }

    /** Minimum over {@code axes} (all when none). */
    public static Array min(Object x, int... axes) { throw new UnsupportedOperationException("min: not implemented yet"); }

    // == section: shape ==

    /** Row-major reshape; one size may be -1. */
    public static Array reshape(Object x, int... newShape) {
        Array a = asarray(x);
        int[] shape = Axes.resolveReshape(a.shape(), newShape);
        return java.util.Arrays.equals(shape, a.shape()) ? a : Lax.reshape(a, shape);
    }

    /** Permutes the axes (reverses them when none are given). */
    public static Array transpose(Object x, int... axes) {
        Array a = asarray(x);
        int r = a.ndim();
        int[] perm = new int[r];
        if (axes.length == 0) {
            for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        } else {
            if (axes.length != r) throw new IllegalArgumentException("transpose: axes " + java.util.Arrays.toString(axes)
                    + " don't match array of dimension " + r);
            for (int i = 0; i < r; i++) perm[i] = Axes.normalize("transpose", axes[i], r);
        }
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= perm[i] == i;
        return identity ? a : Lax.transpose(a, perm);
    }

    /** Removes the given size-1 axes, or all size-1 axes when none are given. */
    public static Array squeeze(Object x, int... axes) {
        Array a = asarray(x);
        int[] shape = a.shape();
        List<Integer> dims = new ArrayList<>();
        if (axes.length == 0) {
            for (int i = 0; i < shape.length; i++) if (shape[i] == 1) dims.add(i);
        } else {
            for (int ax : Axes.canonical("squeeze", axes, shape.length)) dims.add(ax);
        }
        return dims.isEmpty() ? a : Lax.squeeze(a, dims.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Inserts size-1 axes at the given positions of the result. */
    public static Array expandDims(Object x, int... axes) {
        Array a = asarray(x);
        int outRank = a.ndim() + axes.length;
        boolean[] isNew = new boolean[outRank];
        for (int ax : axes) {
            int k = Axes.normalize("expand_dims", ax, outRank);
            if (isNew[k]) throw new IllegalArgumentException("expand_dims: repeated axis " + ax);
            isNew[k] = true;
        }
        int[] shape = new int[outRank];
        int[] dims = new int[a.ndim()];
        int[] in = a.shape();
        for (int i = 0, j = 0; i < outRank; i++) {
            if (isNew[i]) shape[i] = 1;
            else {
                shape[i] = in[j];
                dims[j++] = i;
            }
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    /** Broadcasts {@code x} to {@code shape} with NumPy's rules. */
    public static Array broadcastTo(Object x, int... shape) {
        Array a = asarray(x);
        int[] in = a.shape();
        if (java.util.Arrays.equals(in, shape)) return a;
        int r = shape.length;
        if (in.length > r) throw incompatibleBroadcast(in, shape);
        int[] dims = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int k = r - in.length + i;
            if (in[i] != 1 && in[i] != shape[k]) throw incompatibleBroadcast(in, shape);
            dims[i] = k;
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    private static IllegalArgumentException incompatibleBroadcast(int[] in, int[] shape) {
        return new IllegalArgumentException("Incompatible shapes for broadcasting: " + dev.jaxvm.core.Py.tuple(in)
                + " and requested shape " + dev.jaxvm.core.Py.tuple(shape));
    }

    /** Stacks arrays along a new axis. */
    public static Array stack(List<? extends Object> arrays, int axis) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("Need at least one array to stack.");
        List<Array> xs = Promote.promoteArgs("stack", arrays.toArray());
        int r = xs.getFirst().ndim();
        return Lax.stack(xs, Axes.normalize("stack", axis, r + 1));
    }

    /** This array converted to {@code dtype}. */
    public static Array astype(Object x, DType dtype) { return Lax.convertElementType(asarray(x), dtype.canonicalize()); }

    // == section: linalg ==

    /** Matrix product. */
    public static Array matmul(Object x, Object y) { throw new UnsupportedOperationException("matmul: not implemented yet"); }

    /** The abstract type of an array-like argument: Java scalars are weak (bool is strong). */
    static ArrayType typeOf(Object x) { return Promote.typeOf(x); }
}
