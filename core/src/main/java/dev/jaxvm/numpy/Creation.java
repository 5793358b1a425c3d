package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/** {@code jnp.array}: arrays from Java scalars, (nested, rectangular) Java primitive arrays and lists. */
final class Creation {
    private Creation() {}

    static Array array(Object value, DType dtype) {
        DType want = dtype == null ? null : dtype.canonicalize();
        if (value instanceof Array a) {
            return want == null || (a.dtype() == want && !a.weakType()) ? a : Lax.convertElementType(a, want, false);
        }
        if (value instanceof List<?> list) return ListArrays.array(list, want);
        if (value instanceof Boolean || value instanceof Number) {
            ArrayType t = Promote.typeOf(value);
            DType to = want == null ? t.dtype() : want;
            return Promote.convert("array", value, to, want == null && t.weakType());
        }
        if (value == null || !value.getClass().isArray()) {
            throw new IllegalArgumentException("array: expected a Java scalar, a primitive array or an Array, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        List<Integer> dims = new ArrayList<>();
        Class<?> leaf = shapeOf(value, dims);
        DType natural = naturalDType(leaf);
        DType to = want == null ? natural.canonicalize() : want;
        Shape shape = new Shape(dims.stream().mapToInt(Integer::intValue).toArray());
        Object data = Storage.allocate(to, shape.size());
        int[] pos = {0};
        fill(value, natural, to, data, pos, dims, 0);
        return DenseArray.wrapOwned(new ArrayType(shape, to, false), data);
    }

    private static Class<?> shapeOf(Object value, List<Integer> dims) {
        Object v = value;
        while (v != null && v.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(v);
            dims.add(n);
            Class<?> c = v.getClass().getComponentType();
            if (c.isPrimitive()) return c;
            if (n == 0) throw new IllegalArgumentException("array: cannot infer the element type of an empty nested array");
            v = java.lang.reflect.Array.get(v, 0);
        }
        throw new IllegalArgumentException("array: nested arrays must end in a primitive array (float[], int[], ...)");
    }

    private static DType naturalDType(Class<?> c) {
        if (c == float.class) return DType.FLOAT32;
        if (c == double.class) return DType.FLOAT64;
        if (c == int.class) return DType.INT32;
        if (c == long.class) return DType.INT64;
        if (c == short.class) return DType.INT16;
        if (c == byte.class) return DType.INT8;
        if (c == boolean.class) return DType.BOOL;
        throw new IllegalArgumentException("array: unsupported element type " + c);
    }

    private static void fill(Object v, DType from, DType to, Object data, int[] pos, List<Integer> dims, int depth) {
        int n = java.lang.reflect.Array.getLength(v);
        if (n != dims.get(depth)) {
            throw new IllegalArgumentException("array: ragged nested array: expected " + dims.get(depth) + " elements at depth "
                    + depth + ", found " + n);
        }
        if (depth == dims.size() - 1) {
            for (int i = 0; i < n; i++) {
                int k = pos[0]++;
                switch (v) {
                    case float[] a -> Storage.setDouble(to, data, k, a[i]);
                    case double[] a -> Storage.setDouble(to, data, k, a[i]);
                    case boolean[] a -> Storage.setBoolean(to, data, k, a[i]);
                    case int[] a -> Storage.setLong(to, data, k, a[i]);
                    case long[] a -> Storage.setLong(to, data, k, a[i]);
                    case short[] a -> Storage.setLong(to, data, k, a[i]);
                    case byte[] a -> Storage.setLong(to, data, k, a[i]);
                    default -> throw new IllegalArgumentException("array: unsupported element array " + v.getClass());
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            Object child = java.lang.reflect.Array.get(v, i);
            if (child == null || !child.getClass().isArray()) {
                throw new IllegalArgumentException("array: ragged nested array at depth " + depth);
            }
            fill(child, from, to, data, pos, dims, depth + 1);
        }
    }
}
