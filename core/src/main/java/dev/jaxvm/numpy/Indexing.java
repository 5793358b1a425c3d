package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.Index;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy indexing on arrays: parsing NumPy's index syntax, lowering basic indices to {@code slice},
 * {@code squeeze} and {@code broadcast_in_dim} as {@code jnp} does, and JAX's {@code .at[]}
 * functional updates.
 */
public final class Indexing {
    private Indexing() {}

    /**
     * Parses NumPy index syntax: comma-separated ints, slices {@code a:b:c}, {@code ...} and
     * {@code None}.
     *
     * @throws IllegalArgumentException naming the bad item on a syntax error
     */
    public static List<Object> parse(String index) {
        List<Object> out = new ArrayList<>();
        String s = index.strip();
        if (s.isEmpty()) return out;
        for (String raw : s.split(",", -1)) {
            String item = raw.strip();
            if (item.equals("...")) out.add(Index.ELLIPSIS);
            else if (item.equals("None")) out.add(Index.NEWAXIS);
            else if (item.contains(":")) out.add(parseSlice(index, item));
            else out.add(parseInt(index, item));
        }
        return out;
    }

    private static Index parseSlice(String whole, String item) {
        String[] parts = item.split(":", -1);
        if (parts.length > 3) throw bad(whole, item);
        Integer[] v = new Integer[3];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            v[i] = p.isEmpty() ? null : parseInt(whole, p);
        }
        if (v[2] != null && v[2] == 0) throw new IllegalArgumentException("slice step cannot be zero in index '" + whole + "'");
        return Index.slice(v[0], v[1], v[2]);
    }

    private static Integer parseInt(String whole, String item) {
        try {
            return Integer.parseInt(item.strip());
        } catch (NumberFormatException e) {
            throw bad(whole, item);
        }
    }

    private static IllegalArgumentException bad(String whole, String item) {
        return new IllegalArgumentException("invalid index '" + item.strip() + "' in '" + whole
                + "': expected an integer, a slice start:stop:step, '...' or 'None'");
    }

    /** Normalises index objects (boxing Java ints). */
    public static List<Object> of(Object... index) {
        List<Object> out = new ArrayList<>();
        for (Object o : index) {
            switch (o) {
                case null -> out.add(Index.NEWAXIS);
                case Integer i -> out.add(i);
                case Long l -> out.add(Math.toIntExact(l));
                case Index i -> out.add(i);
                case Array a -> out.add(a);
                default -> throw new IllegalArgumentException("unsupported index object of type " + o.getClass().getName()
                        + ": use ints, Index.slice(...), Index.ALL, Index.NEWAXIS, Index.ELLIPSIS or arrays");
            }
        }
        return out;
    }

    /** {@code x[index]} with NumPy semantics. */
    public static Array get(Array x, List<Object> index) {
        int[] shape = x.shape();
        List<Object> items = expandEllipsis(index, shape.length);
        int r = shape.length;
        int[] start = new int[r], limit = new int[r], strides = new int[r];
        List<Integer> squeezed = new ArrayList<>();
        List<Integer> newAxes = new ArrayList<>();
        boolean trivial = true, unitStrides = true;
        int axis = 0, outAxis = 0;
        for (Object item : items) {
            switch (item) {
                case Index.NewAxis n -> newAxes.add(outAxis++);
                case Integer k -> {
                    int n = shape[axis];
                    int i = k < 0 ? k + n : k;
                    if (i < 0 || i >= n) {
                        throw new IndexOutOfBoundsException("index " + k + " is out of bounds for axis " + axis
                                + " with size " + n);
                    }
                    start[axis] = i;
                    limit[axis] = i + 1;
                    strides[axis] = 1;
                    squeezed.add(axis);
                    trivial = false;
                    axis++;
                }
                case Index.Slice s -> {
                    int n = shape[axis];
                    int step = s.step() == null ? 1 : s.step();
                    if (step < 0) throw new UnsupportedOperationException("negative slice steps are not supported yet");
                    int lo = clampIndex(s.start(), n, 0);
                    int hi = Math.max(lo, clampIndex(s.stop(), n, n));
                    start[axis] = lo;
                    limit[axis] = hi;
                    strides[axis] = step;
                    if (lo != 0 || hi != n || step != 1) trivial = false;
                    if (step != 1) unitStrides = false;
                    axis++;
                    outAxis++;
                }
                default -> throw new UnsupportedOperationException("advanced indexing with " + item + " is not supported yet");
            }
        }
        Array y = x;
        if (!trivial) y = Lax.slice(y, start, limit, unitStrides ? null : strides);
        if (!squeezed.isEmpty()) y = Lax.squeeze(y, squeezed.stream().mapToInt(Integer::intValue).toArray());
        if (!newAxes.isEmpty()) y = Jnp.expandDims(y, newAxes.stream().mapToInt(Integer::intValue).toArray());
        return y;
    }

    private static int clampIndex(Integer v, int n, int dflt) {
        if (v == null) return dflt;
        int i = v < 0 ? v + n : v;
        return Math.max(0, Math.min(n, i));
    }

    private static List<Object> expandEllipsis(List<Object> index, int rank) {
        int used = 0, ellipses = 0;
        for (Object o : index) {
            if (o instanceof Index.Ellipsis) ellipses++;
            else if (!(o instanceof Index.NewAxis)) used++;
        }
        if (ellipses > 1) throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
        if (used > rank) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + rank + "-dimensional, but "
                    + used + " were indexed");
        }
        List<Object> out = new ArrayList<>();
        for (Object o : index) {
            if (o instanceof Index.Ellipsis) for (int i = 0; i < rank - used; i++) out.add(Index.ALL);
            else out.add(o);
        }
        if (ellipses == 0) for (int i = 0; i < rank - used; i++) out.add(Index.ALL);
        return out;
    }

    /**
     * The target of a functional update, as JAX's {@code x.at[idx]}: each method returns a new array.
     *
     * @param array the array to update
     * @param index the normalised index
     */
    public record Ref(Array array, List<Object> index) {
        /** {@code x.at[idx].get()}: the same as {@code x[idx]}. */
        public Array get() { return Indexing.get(array, index); }

        /** {@code x.at[idx].set(v)}. */
        public Array set(Object v) { throw new UnsupportedOperationException("at().set is not implemented yet"); }
    }
}
