package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jnp.array} of a (nested) Java {@link List}, as JAX does for Python lists: the dtype is the
 * lattice result type of the leaves; leaves that hold arrays are converted to it (strongly typed), each
 * element gets a leading unit axis ({@code broadcast_in_dim}) and the elements are concatenated along
 * axis 0 (in groups of 16, as JAX); a list of Java scalars and primitive arrays only is built on the host.
 */
final class ListArrays {
    private static final int GROUP = 16;

    private ListArrays() {}

    static Array array(List<?> list, DType want) {
        List<Object> leaves = new ArrayList<>();
        flatten(list, leaves);
        if (list.isEmpty()) {
            DType t = want == null ? DType.defaultFloat() : want;
            return DenseArray.wrap(new ArrayType(new Shape(new int[] {0}), t, false), Storage.allocate(t, 0));
        }
        DType dtype = want;
        if (dtype == null) {
            List<ArrayType> types = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) types.add(leafType(leaves.get(i), i));
            dtype = Promotion.resultType(types).dtype().canonicalize();
        }
        boolean anyArray = leaves.stream().anyMatch(l -> l instanceof Array);
        // One element at a time (converted, then given its unit axis), in JAX's equation order.
        List<Array> elements = new ArrayList<>();
        int[] shape = null;
        for (Object e : list) {
            Array a = Creation.array(e, dtype);
            if (shape == null) shape = a.shape();
            if (!java.util.Arrays.equals(a.shape(), shape)) {
                throw new IllegalArgumentException("array: the list's elements have different shapes: "
                        + new Shape(shape) + " and " + new Shape(a.shape())
                        + " (expected a rectangular nesting)");
            }
            elements.add(anyArray ? Tangents.expandDims(a, 0) : a);
        }
        return anyArray ? concatenate(elements) : host(elements, dtype, shape);
    }

    private static void flatten(List<?> list, List<Object> leaves) {
        for (Object x : list) {
            if (x == null) throw new IllegalArgumentException("array: null is not a valid value for jnp.array");
            if (x instanceof List<?> l) flatten(l, leaves);
            else leaves.add(x);
        }
    }

    private static ArrayType leafType(Object leaf, int i) {
        if (leaf.getClass().isArray()) return Creation.array(leaf, null).type();
        return Promote.typeOf("array", leaf, i);
    }

    private static Array concatenate(List<Array> parts) {
        while (parts.size() > GROUP) {
            List<Array> next = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += GROUP) {
                next.add(Lax.concatenate(parts.subList(i, Math.min(i + GROUP, parts.size())), 0));
            }
            parts = next;
        }
        return Lax.concatenate(parts, 0);
    }

    private static Array host(List<Array> elements, DType dtype, int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = elements.size();
        System.arraycopy(shape, 0, out, 1, shape.length);
        Shape s = new Shape(out);
        Object data = Storage.allocate(dtype, s.size());
        int k = 0;
        for (Array e : elements) {
            DenseArray d = (DenseArray) e;
            for (int i = 0; i < d.type().shape().size(); i++) Storage.copyElement(d.buffer(), i, data, k++);
        }
        return DenseArray.wrap(new ArrayType(s, dtype, false), data);
    }
}
