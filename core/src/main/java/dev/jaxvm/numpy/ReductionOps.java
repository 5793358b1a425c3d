package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** jnp's reductions and scans, lowered as {@code jax.numpy} does (dtype promotion, f16 upcast, keepdims). */
final class ReductionOps {
    private ReductionOps() {}

    /** Sorted, non-negative, distinct axes; all axes when {@code axes} is null. JAX's messages. */
    static int[] axes(String fn, int[] axes, int rank) {
        if (axes == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = axis(fn, axes[i], rank);
        int[] sorted = out.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(fn + ": duplicate value in 'axis': " + dev.jaxvm.core.Py.tuple(axes));
            }
        }
        return sorted;
    }

    /** One axis, normalised. */
    static int axis(String fn, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(fn + ": axis " + axis + " is out of bounds for array of dimension " + rank);
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** f16 and bf16 compute in f32. */
    static DType upcastF16(DType t) {
        return t == DType.FLOAT16 || t == DType.BFLOAT16 ? DType.FLOAT32 : t;
    }

    static Array convert(Array a, DType t) { return a.dtype() == t ? a : Lax.convertElementType(a, t); }

    /** {@code lax.convert_element_type(a, t)}: a no-op only when a already has dtype t and is strong. */
    static Array convertStrong(Array a, DType t) {
        return a.dtype() == t && !a.weakType() ? a : Lax.convertElementType(a, t);
    }

    /** Inserts size-1 axes at the reduced positions ({@code lax.expand_dims}). */
    static Array keepDims(Array r, int[] axes, int rank) {
        int[] shape = new int[rank];
        int[] dims = new int[r.ndim()];
        int[] rs = r.shape();
        for (int i = 0, j = 0; i < rank; i++) {
            if (contains(axes, i)) {
                shape[i] = 1;
            } else {
                shape[i] = rs[j];
                dims[j++] = i;
            }
        }
        return Lax.broadcastInDim(r, shape, dims);
    }

    private static boolean contains(int[] xs, int v) {
        for (int x : xs) if (x == v) return true;
        return false;
    }

    /** sum and prod: narrow ints and bool widen to the default (u)int, f16 computes in f32. */
    static Array sumLike(String fn, Object x, int[] axes, boolean keepdims, BiFunction<Array, int[], Array> prim) {
        Array a = Jnp.asarray(x);
        int[] ax = axes(fn, axes, a.ndim());
        DType result = Promote.sumDType(a.dtype());
        Array r = prim.apply(convert(a, upcastF16(result)), ax);
        if (keepdims) r = keepDims(r, ax, a.ndim());
        return convert(r, result);
    }

    /** max and min: no promotion; reducing an empty axis is an error (no identity). */
    static Array maxLike(String fn, Object x, int[] axes, boolean keepdims, BiFunction<Array, int[], Array> prim) {
        Array a = Jnp.asarray(x);
        int[] ax = axes(fn, axes, a.ndim());
        for (int k : ax) {
            if (a.shape()[k] == 0) {
                throw new IllegalArgumentException("zero-size array to reduction operation " + fn + " which has no identity");
            }
        }
        Array r = prim.apply(a, ax);
        return keepdims ? keepDims(r, ax, a.ndim()) : r;
    }

    /** all and any: operands are converted to bool first. */
    static Array boolLike(String fn, Object x, int[] axes, boolean keepdims, BiFunction<Array, int[], Array> prim) {
        Array a = Jnp.asarray(x);
        int[] ax = axes(fn, axes, a.ndim());
        Array r = prim.apply(convert(a, DType.BOOL), ax);
        return keepdims ? keepDims(r, ax, a.ndim()) : r;
    }

    static Array mean(Object x, int[] axes, boolean keepdims) {
        Array a = Jnp.asarray(x);
        int[] ax = axes("mean", axes, a.ndim());
        DType result = Promote.toInexact(a.dtype());
        DType comp = upcastF16(result);
        Array s = sumIn(a, ax, keepdims, comp);
        Array r = Lax.div(s, DenseArray.scalar(comp, false, count(a, ax)));
        return convert(r, result);
    }

    /** {@code sum(a, axis, dtype=comp)}: bool goes through the default int first, as jnp does. */
    private static Array sumIn(Array a, int[] ax, boolean keepdims, DType comp) {
        Array c = a.dtype() == DType.BOOL ? convert(a, DType.defaultInt()) : a;
        Array r = Lax.reduceSum(convert(c, comp), ax);
        return keepdims ? keepDims(r, ax, a.ndim()) : r;
    }

    private static long count(Array a, int[] ax) {
        long n = 1;
        for (int k : ax) n *= a.shape()[k];
        return n;
    }

    static Array var(Object x, int[] axes, int ddof, boolean keepdims) {
        Array a = Jnp.asarray(x);
        return varCall(a, ddofArg(ddof), axes("var", axes, a.ndim()), keepdims);
    }

    /** ddof as jnp passes it to its jitted {@code _var}: a weak default-int scalar argument. */
    private static DenseArray ddofArg(int ddof) { return DenseArray.scalarLong(DType.defaultInt(), true, ddof); }

    /** The static arguments of jnp's {@code _var} and {@code _std}. */
    private record VarStatics(Ints axes, boolean keepdims) {}

    private static Array varCall(Array a, Array ddof, int[] ax, boolean keepdims) {
        return NamedCall.call1("_var", List.of(a, ddof), new VarStatics(Ints.of(ax), keepdims), ReductionOps::varBody);
    }

    private static Array varBody(List<Array> as, VarStatics st) {
        int[] ax = st.axes().values();
        Array a0 = as.get(0), ddofArr = as.get(1);
        DType result = Promote.toInexact(a0.dtype());
        DType comp = upcastF16(result);
        Array a = convert(a0, comp);
        Array mean = Lax.div(sumIn(a, ax, true, comp), DenseArray.scalar(comp, false, count(a, ax)));
        Array centered = Lax.square(Lax.sub(a, mean));
        Array normalizer = Lax.sub(DenseArray.scalar(comp, false, count(a, ax)), Lax.convertElementType(ddofArr, comp));
        Array r = convert(Lax.div(sumIn(centered, ax, st.keepdims(), comp), normalizer), result);
        return Jnp.where(Lax.gt(normalizer, DenseArray.scalar(comp, false, 0)), r, Double.NaN);
    }

    static Array std(Object x, int[] axes, int ddof, boolean keepdims) {
        Array a = Jnp.asarray(x);
        VarStatics st = new VarStatics(Ints.of(axes("std", axes, a.ndim())), keepdims);
        return NamedCall.call1("_std", List.of(a, ddofArg(ddof)), st,
                (as, s) -> Lax.sqrt(varCall(as.get(0), as.get(1), s.axes().values(), s.keepdims())));
    }

    /** argmax/argmin over one axis, or over the flattened array when {@code axis} is null. */
    static Array argLike(String fn, Object x, Integer axis, boolean keepdims, boolean max) {
        Array a = Jnp.asarray(x);
        int rank = a.ndim();
        Array src = a;
        int k;
        if (axis == null) {
            if (a.size() == 0) throw new IllegalArgumentException("attempt to get " + fn + " of an empty sequence");
            src = Jnp.reshape(a, a.size());
            k = 0;
        } else {
            k = axis(fn, axis, rank);
            if (a.shape()[k] == 0) throw new IllegalArgumentException("attempt to get " + fn + " of an empty sequence");
        }
        Array r = max ? Lax.argmax(src, k, DType.defaultInt()) : Lax.argmin(src, k, DType.defaultInt());
        if (!keepdims) return r;
        if (axis == null) {
            int[] ones = new int[rank];
            Arrays.fill(ones, 1);
            return Lax.broadcastInDim(r, ones);
        }
        return keepDims(r, new int[] {k}, rank);
    }

    /** cumsum/cumprod along one axis, or the flattened array; bool becomes the default int. */
    static Array cumulative(String fn, Object x, Integer axis, boolean prod) {
        Array a = Jnp.asarray(x);
        Integer k0 = axis == null ? null : axis(fn, axis, a.ndim());
        return NamedCall.call1(fn, List.of(a), java.util.Arrays.asList(k0, prod), (as, st) -> {
            Array src = as.get(0);
            int k;
            if (st.get(0) == null) {
                src = Jnp.reshape(src, src.size());
                k = 0;
            } else {
                k = (Integer) st.get(0);
            }
            if (src.dtype() == DType.BOOL) src = convert(src, DType.defaultInt());
            return (Boolean) st.get(1) ? Lax.cumprod(src, k, false) : Lax.cumsum(src, k, false);
        });
    }
}
