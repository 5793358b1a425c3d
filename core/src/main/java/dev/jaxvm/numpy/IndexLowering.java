package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/** {@code x[idx]} lowered as jnp's {@code rewriting_take}: a static slice, else a dynamic slice, else a gather. */
final class IndexLowering {
    private IndexLowering() {}

    /** {@code x[idx]} with the gather mode ({@code null}: PROMISE_IN_BOUNDS) and fill value of {@code at[].get}. */
    static Array take(Array x, List<Object> raw, GatherScatterMode mode, Object fillValue) {
        if (mode == null || mode == GatherScatterMode.PROMISE_IN_BOUNDS) {
            Array r = basicSlice(x, raw);
            if (r != null) return r;
        }
        Indexer ix = Indexer.parse(raw, x.shape());
        boolean promise = mode == null || mode == GatherScatterMode.PROMISE_IN_BOUNDS;
        if (promise || mode == GatherScatterMode.CLIP) {
            Array r = staticSlice(x, ix, promise);
            if (r != null) return r;
            r = dynamicSlice(x, ix);
            if (r != null) return r;
        }
        return gather(x, ix.expandBoolIndices(), mode, fillValue);
    }

    /**
     * The common case of {@link #staticSlice} without building an {@link Indexer}: at most one item per
     * axis, each an in-bounds integer or a unit-step slice (a per-pixel loop's {@code x[i:i+3, j:j+3, :]}).
     * The same slice and squeeze; null (the general path) for anything else, errors included.
     */
    private static Array basicSlice(Array x, List<Object> raw) {
        int[] shape = x.shape();
        int n = raw.size(), r = shape.length;
        if (n > r) return null;
        int[] start = new int[r], limit = shape.clone(), squeeze = new int[n];
        int squeezed = 0;
        boolean trivial = true;
        for (int k = 0; k < n; k++) {
            Object o = raw.get(k);
            int size = shape[k];
            if (o instanceof Integer i) {
                int s = i < 0 ? i + size : i;
                if (s < 0 || s >= size) return null;
                start[k] = s;
                limit[k] = s + 1;
                squeeze[squeezed++] = k;
                trivial = false;
            } else if (o instanceof Index.Slice sl && (sl.step() == null || sl.step() == 1)) {
                int[] sss = Indexer.sliceIndices(sl, size);
                start[k] = sss[0];
                limit[k] = Math.max(sss[0], sss[1]);
                trivial &= start[k] == 0 && limit[k] == size;
            } else {
                return null;
            }
        }
        Array res = trivial ? x : Lax.slice(x, start, limit, null);
        return squeezed == 0 ? res : Lax.squeeze(res, java.util.Arrays.copyOf(squeeze, squeezed));
    }

    private static boolean onlyBasic(Indexer ix) {
        for (Indexer.Item it : ix.items) {
            switch (it.kind()) {
                case INTEGER, ELLIPSIS, SLICE, NONE -> { }
                case ARRAY, BOOLEAN -> { return false; }
            }
        }
        return true;
    }

    /** jnp's {@code to_static_slice} + {@code _static_slice}, or null when the index needs more. */
    private static Array staticSlice(Array x, Indexer ix, boolean validate) {
        if (!onlyBasic(ix)) return null;
        int[] shape = ix.shape;
        if (validate) {
            for (Indexer.Item it : ix.items) {
                if (it.kind() != Indexer.Kind.INTEGER) continue;
                int i = (Integer) it.index(), size = shape[it.axes()[0]];
                int n = i < 0 ? i + size : i;
                if (n < 0 || n >= size) return null;
            }
        }
        List<Integer> start = new ArrayList<>(), limit = new ArrayList<>(), strides = new ArrayList<>();
        List<Integer> rev = new ArrayList<>(), squeeze = new ArrayList<>(), newaxis = new ArrayList<>();
        for (Indexer.Item it : ix.expandEllipses().items) {
            switch (it.kind()) {
                case NONE -> newaxis.add(start.size() - squeeze.size() + newaxis.size());
                case INTEGER -> {
                    int axis = it.axes()[0], size = shape[axis];
                    if (size == 0) throw new IndexOutOfBoundsException("index is out of bounds for axis " + axis + " with size 0");
                    int s = (Integer) it.index();
                    if (s < 0) s += size;
                    s = Math.min(Math.max(s, 0), size - 1);
                    start.add(s);
                    limit.add(s + 1);
                    strides.add(1);
                    squeeze.add(axis);
                }
                case SLICE -> {
                    int axis = it.axes()[0], size = shape[axis];
                    int[] sss = Indexer.sliceIndices((Index.Slice) it.index(), size);
                    int s = sss[0], stop = sss[1], step = sss[2];
                    if (step < 0) {
                        int ns = Math.min(size, stop + 1 + Math.floorMod(Math.abs(s - stop - 1), Math.abs(step)));
                        start.add(ns);
                        limit.add(Math.max(ns, s + 1));
                        strides.add(-step);
                        rev.add(axis);
                    } else {
                        start.add(s);
                        limit.add(Math.max(s, stop));
                        strides.add(step);
                    }
                }
                case ELLIPSIS, ARRAY, BOOLEAN -> throw new IllegalStateException("unexpected index item " + it);
            }
        }
        boolean unit = true;
        for (int v : strides) unit &= v == 1;
        boolean trivial = unit && start.size() == shape.length;
        for (int k = 0; trivial && k < shape.length; k++) trivial = start.get(k) == 0 && limit.get(k) == shape[k];
        Array r = x;
        if (!trivial) r = Lax.slice(r, Linalg.ints(start), Linalg.ints(limit), unit ? null : Linalg.ints(strides));
        return finish(r, rev, squeeze, newaxis);
    }

    private static Array finish(Array r, List<Integer> rev, List<Integer> squeeze, List<Integer> newaxis) {
        if (!rev.isEmpty()) r = Lax.rev(r, Linalg.ints(rev));
        if (!squeeze.isEmpty()) r = Lax.squeeze(r, Linalg.ints(squeeze));
        if (!newaxis.isEmpty()) r = Jnp.expandDims(r, Linalg.ints(newaxis));
        return r;
    }

    /** jnp's {@code to_dynamic_slice} + {@code _dynamic_slice}, or null when the index needs a gather. */
    private static Array dynamicSlice(Array x, Indexer ix) {
        for (Indexer.Item it : ix.items) {
            switch (it.kind()) {
                case INTEGER, ELLIPSIS, NONE -> { }
                case SLICE -> {
                    Integer step = ((Index.Slice) it.index()).step();
                    if (step != null && step != 1 && step != -1) return null;
                }
                case ARRAY -> { if (((Array) it.index()).ndim() != 0) return null; }
                case BOOLEAN -> { return null; }
            }
        }
        int[] shape = ix.shape;
        List<Object> starts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>(), rev = new ArrayList<>(), squeeze = new ArrayList<>(), newaxis = new ArrayList<>();
        boolean trivial = true;
        for (Indexer.Item it : ix.expandEllipses().items) {
            switch (it.kind()) {
                case NONE -> newaxis.add(starts.size() - squeeze.size() + newaxis.size());
                case INTEGER, ARRAY -> {
                    trivial = false;
                    int axis = it.axes()[0];
                    if (shape[axis] == 0) {
                        throw new IndexOutOfBoundsException("index is out of bounds for axis " + axis + " with size 0");
                    }
                    starts.add(it.index() instanceof Integer i ? DenseArray.scalarLong(DType.INT32, true, i) : it.index());
                    sizes.add(1);
                    squeeze.add(axis);
                }
                case SLICE -> {
                    Index.Slice sl = (Index.Slice) it.index();
                    if (sl.start() != null || sl.stop() != null || sl.step() != null) trivial = false;
                    int axis = it.axes()[0];
                    int[] sss = Indexer.sliceIndices(sl, shape[axis]);
                    int s = sss[0], stop = sss[1], step = sss[2];
                    if (step < 0) {
                        int ns = stop + 1 + Math.floorMod(Math.abs(s - stop - 1), Math.abs(step));
                        starts.add(ns);
                        sizes.add(Math.max(0, s + 1 - ns));
                        rev.add(axis);
                    } else {
                        starts.add(s);
                        sizes.add(Math.max(0, stop - s));
                    }
                }
                case ELLIPSIS, BOOLEAN -> throw new IllegalStateException("unexpected index item " + it);
            }
        }
        Array r = x;
        if (!trivial) {
            boolean many = starts.size() > 1;
            List<Object> idx = new ArrayList<>();
            for (Object st : starts) {
                // jnp converts every start to int32 when there are several (concrete ones right away)
                if (many) idx.add(constAwareConvert(st instanceof Integer i ? DenseArray.scalarLong(DType.INT32, false, i)
                        : (Array) st, DType.INT32, false));
                else idx.add(st);
            }
            r = Lax.dynamicSlice(r, idx, Linalg.ints(sizes));
        }
        return finish(r, rev, squeeze, newaxis);
    }

    /** jnp's {@code _gather}: the gather plan of {@link GatherPlan}, then rev and new axes. */
    private static Array gather(Array x, Indexer ix, GatherScatterMode mode, Object fillValue) {
        GatherPlan p = GatherPlan.of(ix);
        Array y = x;
        if (!p.scalarBoolDims().isEmpty()) y = Jnp.expandDims(y, Linalg.ints(p.scalarBoolDims()));
        if (isEmpty(p.sliceShape())) {
            return Jnp.broadcastTo(Promote.convert("getitem", 0, y.dtype(), y.weakType()), Linalg.ints(p.sliceShape()));
        }
        if (!isEmpty(p.indices().shape())) {
            GatherScatterMode m = mode == null ? GatherScatterMode.PROMISE_IN_BOUNDS : mode;
            Object fill = fillValue;
            if (m == GatherScatterMode.FILL_OR_DROP && fill == null) fill = defaultFill(y.dtype());
            y = Lax.gather(y, p.indices(), p.dnums(), Linalg.ints(p.gatherSliceShape()), p.sortedUnique(),
                    p.sortedUnique(), m, m == GatherScatterMode.FILL_OR_DROP ? fill : fillValue);
        }
        if (!p.reversedYDims().isEmpty()) y = Lax.rev(y, Linalg.ints(p.reversedYDims()));
        if (!p.newaxisDims().isEmpty()) y = Jnp.expandDims(y, Linalg.ints(p.newaxisDims()));
        return y;
    }

    /**
     * {@code lax.convert_element_type} as JAX applies it to index values: concrete arrays are converted
     * right away (JAX does that in NumPy), traced ones with a {@code convert_element_type} equation.
     */
    static Array constAwareConvert(Array a, DType t, boolean weak) {
        if (a.dtype() == t && a.weakType() == weak) return a;
        if (a instanceof DenseArray d) {
            return dev.jaxvm.core.Trace.under(dev.jaxvm.core.EvalInterpreter.INSTANCE,
                    () -> Lax.convertElementType(d, t, weak));
        }
        return Lax.convertElementType(a, t, weak);
    }

    /** The fill value lax.gather prints for FILL_OR_DROP with none given. */
    static Object defaultFill(DType t) {
        return switch (t.kind()) {
            case FLOAT -> Double.NaN;
            case INT -> -(1L << (t.bits() - 1));
            case UINT -> t.bits() == 64 ? (Object) new java.math.BigInteger("18446744073709551615") : (1L << t.bits()) - 1;
            case BOOL -> Boolean.TRUE;
            case FLOAT0 -> throw new IllegalArgumentException("gather: float0 arrays cannot be indexed");
        };
    }

    static boolean isEmpty(List<Integer> shape) {
        for (int d : shape) if (d == 0) return true;
        return false;
    }

    static boolean isEmpty(int[] shape) {
        for (int d : shape) if (d == 0) return true;
        return false;
    }
}
