package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * A NumPy index parsed against an array shape (jnp's {@code NDIndexer}): each item with its kind and the
 * array axes it consumes. The lowerings to static slices, dynamic slices and gathers live in
 * {@link IndexLowering}.
 */
final class Indexer {
    /** The kinds of index items, as jnp's {@code IndexType}. */
    enum Kind { INTEGER, SLICE, NONE, ELLIPSIS, ARRAY, BOOLEAN }

    /**
     * One item of the index.
     *
     * @param kind what it is
     * @param index an Integer, an {@link Index.Slice}, an {@link Array}, a Boolean, or null
     * @param axes the array axes it consumes
     */
    record Item(Kind kind, Object index, int[] axes) {}

    final int[] shape;
    final List<Item> items;

    Indexer(int[] shape, List<Item> items) {
        this.shape = shape.clone();
        this.items = List.copyOf(items);
    }

    /** jnp's {@code _parse_indices}: classifies items, checks the number of indices and ellipses. */
    static Indexer parse(List<Object> raw, int[] shape) {
        List<Kind> kinds = new ArrayList<>();
        List<Integer> consumed = new ArrayList<>();
        int ellipsis = -1, total = 0;
        for (Object o : raw) {
            Kind k = kindOf(o);
            int n = switch (k) {
                case NONE, ELLIPSIS -> 0;
                case BOOLEAN -> o instanceof Array a ? a.ndim() : 0;
                case INTEGER, ARRAY, SLICE -> 1;
            };
            if (k == Kind.ELLIPSIS) {
                if (ellipsis >= 0) throw new IndexOutOfBoundsException("an index can only have a single ellipsis ('...')");
                ellipsis = kinds.size();
            }
            kinds.add(k);
            consumed.add(n);
            total += n;
        }
        if (total > shape.length) {
            throw new IndexOutOfBoundsException("Too many indices: array is " + shape.length + "-dimensional, but " + total
                    + " were indexed");
        }
        if (ellipsis >= 0) consumed.set(ellipsis, shape.length - total);
        List<Item> items = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < raw.size(); i++) {
            int[] axes = Shapes.range(dim, dim + consumed.get(i));
            dim += axes.length;
            items.add(new Item(kinds.get(i), raw.get(i), axes));
        }
        return new Indexer(shape, items);
    }

    private static Kind kindOf(Object o) {
        return switch (o) {
            case Integer i -> Kind.INTEGER;
            case Index.Slice s -> Kind.SLICE;
            case Index.NewAxis n -> Kind.NONE;
            case Index.Ellipsis e -> Kind.ELLIPSIS;
            case Boolean b -> Kind.BOOLEAN;
            case Array a when a.dtype() == DType.BOOL -> Kind.BOOLEAN;
            case Array a when a.dtype().isInteger() -> Kind.ARRAY;
            case Array a -> throw IndexParser.floatIndex(a.dtype().toString());
            default -> throw new IllegalArgumentException("unsupported index item " + o);
        };
    }

    /** Whether some array or boolean item has rank > 0 (NumPy's advanced indexing). */
    boolean isAdvanced() {
        for (Item it : items) {
            if ((it.kind() == Kind.ARRAY || it.kind() == Kind.BOOLEAN) && it.index() instanceof Array a && a.ndim() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Trailing and ellipsis axes made explicit as full slices. */
    Indexer expandEllipses() {
        List<Item> out = new ArrayList<>();
        int consumed = 0;
        for (Item it : items) {
            consumed += it.axes().length;
            if (it.kind() == Kind.ELLIPSIS) {
                for (int a : it.axes()) out.add(new Item(Kind.SLICE, Index.ALL, new int[] {a}));
            } else {
                out.add(it);
            }
        }
        for (int a = consumed; a < shape.length; a++) out.add(new Item(Kind.SLICE, Index.ALL, new int[] {a}));
        return new Indexer(shape, out);
    }

    /** Boolean masks replaced by the integer arrays of their true positions (masks must be concrete). */
    Indexer expandBoolIndices() {
        List<Item> out = new ArrayList<>();
        for (int pos = 0; pos < items.size(); pos++) {
            Item it = items.get(pos);
            if (it.kind() != Kind.BOOLEAN || !(it.index() instanceof Array mask)) {
                out.add(it);
                continue;
            }
            DenseArray m = switch (mask) {
                case DenseArray d -> d;
                case Tracer t -> throw new NonConcreteBooleanIndexError(t.type().toString());
            };
            int[] ms = m.shape();
            for (int k = 0; k < ms.length; k++) {
                if (ms[k] != 0 && ms[k] != shape[it.axes()[k]]) {
                    int[] expected = new int[ms.length];
                    for (int j = 0; j < ms.length; j++) expected[j] = shape[it.axes()[j]];
                    throw new IndexOutOfBoundsException("boolean index did not match shape of indexed array in index "
                            + pos + ": got " + dev.jaxvm.core.Py.tuple(ms) + ", expected "
                            + java.util.Arrays.toString(expected));
                }
            }
            List<Array> nz = Sorting.nonzero(m.ndim() == 0 ? Jnp.reshape(m, 1) : m);
            for (int k = 0; k < ms.length; k++) out.add(new Item(Kind.ARRAY, nz.get(k), new int[] {it.axes()[k]}));
        }
        return new Indexer(shape, out);
    }

    /** jnp's {@code expand_scalar_bool_indices}: True/False become new axes indexed by arange(1)/arange(0). */
    Indexer expandScalarBools(List<Integer> scalarBoolDims) {
        List<Integer> newShape = new ArrayList<>();
        for (int d : shape) newShape.add(d);
        List<Item> out = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.kind() == Kind.BOOLEAN && it.index() instanceof Boolean b) {
                newShape.add(i, 1);
                scalarBoolDims.add(i);
                int[] idx = b ? new int[] {0} : new int[0];
                out.add(new Item(Kind.ARRAY, Jnp.array(idx), new int[] {dim}));
                dim++;
            } else {
                int n = it.axes().length;
                out.add(new Item(it.kind(), it.index(), Shapes.range(dim, dim + n)));
                dim += n;
            }
        }
        return new Indexer(newShape.stream().mapToInt(Integer::intValue).toArray(), out);
    }

    /** NumPy's {@code slice.indices(size)}: (start, stop, step) clamped for a sequence of length {@code size}. */
    static int[] sliceIndices(Index.Slice s, int size) {
        int step = s.step() == null ? 1 : s.step();
        int start, stop;
        if (step > 0) {
            start = s.start() == null ? 0 : clamp(s.start(), size, 0, size);
            stop = s.stop() == null ? size : clamp(s.stop(), size, 0, size);
        } else {
            start = s.start() == null ? size - 1 : clamp(s.start(), size, -1, size - 1);
            stop = s.stop() == null ? -1 : clamp(s.stop(), size, -1, size - 1);
        }
        return new int[] {start, stop, step};
    }

    private static int clamp(int v, int size, int lo, int hi) {
        long i = v < 0 ? (long) v + size : v;
        return (int) Math.max(lo, Math.min(hi, i));
    }

    /** The number of elements of {@code start:stop:step} after {@link #sliceIndices}. */
    static int sliceLength(int start, int stop, int step) {
        if (step > 0) return stop > start ? (stop - start + step - 1) / step : 0;
        return start > stop ? (start - stop - step - 1) / (-step) : 0;
    }

    /** Lax helper: {@code select(i < 0, i + size, i)} for an integer array index. */
    static Array normalize(Array i, int size) {
        if (i.dtype().isUnsigned()) return i;
        Array zero = DenseArray.scalarLong(i.dtype(), false, 0);
        Array n = DenseArray.scalarLong(i.dtype(), i.weakType(), size); // lax._const(idx, size): same weak type
        Array neg = Lax.lt(i, zero);
        Array plus = Lax.add(i, n);
        return Lax.selectN(neg, i, plus);
    }
}
