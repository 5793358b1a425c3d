package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ConcretizationTypeError;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/** Sorting and searching functions of {@code Jnp}, lowered as jnp 0.10.2 does. */
final class Sorting {
    private Sorting() {}

    static Array sort(Object x, Integer axis, boolean stable, boolean descending) {
        Array a = Jnp.asarray(x);
        if (axis != null && a.ndim() == 0) throw new IllegalArgumentException("sort: axis " + axis
                + " is out of bounds for array of dimension 0");
        int dim = axis == null ? 0 : Axes.normalize("sort", axis, a.ndim());
        return NamedCall.call1("sort", List.of(a), java.util.Arrays.asList(axis == null, dim, stable, descending),
                Sorting::sortBody);
    }

    private static Array sortBody(List<Array> v, List<Object> st) {
        boolean ravel = (Boolean) st.get(0), stable = (Boolean) st.get(2), descending = (Boolean) st.get(3);
        int dim = (Integer) st.get(1);
        Array arr = ravel ? Shapes.ravel(v.getFirst()) : v.getFirst();
        Array r = Lax.sort(List.of(arr), dim, stable, 1).getFirst();
        return descending ? Lax.rev(r, dim) : r;
    }

    static Array argsort(Object x, Integer axis, boolean stable, boolean descending) {
        Array a = Jnp.asarray(x);
        if (axis != null && a.ndim() == 0) throw new IllegalArgumentException("argsort: axis " + axis
                + " is out of bounds for array of dimension 0");
        int dim = axis == null ? 0 : Axes.normalize("argsort", axis, a.ndim());
        return NamedCall.call1("argsort", List.of(a), java.util.Arrays.asList(axis == null, dim, stable, descending),
                Sorting::argsortBody);
    }

    private static Array argsortBody(List<Array> v, List<Object> st) {
        boolean ravel = (Boolean) st.get(0), stable = (Boolean) st.get(2), descending = (Boolean) st.get(3);
        int dim = (Integer) st.get(1);
        Array arr = ravel ? Shapes.ravel(v.getFirst()) : v.getFirst();
        Array iota = Lax.broadcastedIota(DType.defaultInt(), arr.shape(), dim);
        if (descending && stable) {
            arr = Lax.rev(arr, dim);
            iota = Lax.rev(iota, dim);
        }
        Array idx = Lax.sort(List.of(arr, iota), dim, stable, 1).get(1);
        return descending ? Lax.rev(idx, dim) : idx;
    }

    private static DenseArray concrete(String fn, Array a) {
        return switch (a) {
            case DenseArray d -> d;
            case Tracer t -> throw new ConcretizationTypeError("Abstract tracer value encountered where concrete value is"
                    + " expected: " + fn + " needs a concrete array, since the size of its result depends on the values"
                    + " (got " + t.type().toLongString() + ", " + t.owner().describe() + ").");
        };
    }

    /** {@code jnp.unique(x)}: the sorted distinct values of the flattened array (NaNs collapse into one). */
    static Array unique(Object x) {
        Array a = Jnp.asarray(x);
        DenseArray sorted = concrete("unique", sort(Shapes.ravel(concrete("unique", a)), 0, true, false));
        int n = sorted.size();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !sameValue(sorted, i - 1, i)) keep.add(i);
        }
        Object data = Storage.allocate(a.dtype(), keep.size());
        for (int j = 0; j < keep.size(); j++) Storage.copyElement(sorted.buffer(), keep.get(j), data, j);
        return DenseArray.wrap(new ArrayType(Shape.of(keep.size()), a.dtype(), a.weakType()), data);
    }

    private static boolean sameValue(DenseArray d, int i, int j) {
        if (d.dtype().isFloating()) {
            double x = d.getDouble(i), y = d.getDouble(j);
            return x == y || (Double.isNaN(x) && Double.isNaN(y));
        }
        return d.getLong(i) == d.getLong(j);
    }

    /** {@code jnp.nonzero(x)}: one int32 index array per dimension (concrete input only). */
    static List<Array> nonzero(Object x) {
        DenseArray a = concrete("nonzero", Jnp.asarray(x));
        if (a.ndim() == 0) {
            throw new IllegalArgumentException("nonzero: Calling nonzero on 0d arrays is not allowed. Use"
                    + " jnp.atleast_1d(scalar).nonzero() instead.");
        }
        int[] shape = a.shape();
        List<int[]> hits = new ArrayList<>();
        int[] idx = new int[shape.length];
        for (int i = 0; i < a.size(); i++) {
            if (a.getBoolean(i)) hits.add(idx.clone());
            for (int k = shape.length - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        List<Array> out = new ArrayList<>();
        for (int k = 0; k < shape.length; k++) {
            int[] col = new int[hits.size()];
            for (int i = 0; i < col.length; i++) col[i] = hits.get(i)[k];
            out.add(DenseArray.wrap(new ArrayType(Shape.of(col.length), DType.INT32, false), col));
        }
        return out;
    }

    /**
     * {@code jnp.searchsorted(a, v, side)}. JAX's default method ({@code scan}) needs the scan primitive;
     * until it lands this uses jnp's {@code method='sort'} lowering, which gives the same values.
     */
    static Array searchsorted(Object sortedArr, Object query, String side) {
        if (!side.equals("left") && !side.equals("right")) {
            throw new IllegalArgumentException("searchsorted: side must be 'left' or 'right', got '" + side + "'");
        }
        List<Array> av = Promote.promoteDTypes("searchsorted", false, sortedArr, query);
        Array a = av.get(0), v = av.get(1);
        if (a.ndim() != 1) throw new IllegalArgumentException("searchsorted: a should be 1-dimensional, got shape "
                + a.type().shape());
        return NamedCall.call1("searchsorted", List.of(a, v), side,
                (w, sd) -> NamedCall.call1("_searchsorted_sort_impl", w, sd, Sorting::searchsortedSort));
    }

    /** jnp's {@code _searchsorted_sort_impl}: ranks of the co-sorted arrays. */
    private static Array searchsortedSort(List<Array> u, String side) {
        Array arr = u.get(0), q = u.get(1);
        Array qf = Shapes.ravel(q);
        Array index = side.equals("left")
                ? Indexing.get(rank(Lax.concatenate(List.of(qf, arr), 0)), Indexing.parse(":" + q.size()))
                : Indexing.get(rank(Lax.concatenate(List.of(arr, qf), 0)), Indexing.parse(arr.size() + ":"));
        Array r = Jnp.reshape(Lax.sub(index, rank(Shapes.ravel(q))), q.shape());
        return Promote.convert("searchsorted", r, DType.defaultInt(), false);
    }

    private static Array rank(Array x) {
        Array idx = Lax.iota(DType.INT32, x.shape()[0]);
        Array zeros = Jnp.broadcastTo(DenseArray.scalarLong(DType.INT32, false, 0), idx.shape());
        Array order = Lax.sort(List.of(x, idx), 0, true, 1).get(1);
        return zeros.at(order).set(idx);
    }
}
