package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;

/** Row access along the leading axis of concrete arrays, for running scans on concrete values. */
final class Slabs {
    private Slabs() {}

    /** The type of one row of {@code t} (its leading axis removed). */
    static ArrayType rowType(ArrayType t) {
        int[] d = t.shape().dims();
        return t.withShape(new Shape(java.util.Arrays.copyOfRange(d, 1, d.length)));
    }

    /** The type of {@code n} rows of type {@code t} stacked along a new leading axis. */
    static ArrayType stackedType(ArrayType t, int n) {
        int[] d = t.shape().dims();
        int[] s = new int[d.length + 1];
        s[0] = n;
        System.arraycopy(d, 0, s, 1, d.length);
        return t.withShape(new Shape(s));
    }

    /** Row {@code i} of {@code x}. */
    static DenseArray row(DenseArray x, int i) {
        ArrayType rt = rowType(x.type());
        int n = rt.size();
        Object out = Storage.allocate(rt.dtype(), n);
        System.arraycopy(x.buffer(), i * n, out, 0, n);
        return DenseArray.wrap(rt, out);
    }

    /** A fresh buffer for {@code t}, to be filled row by row with {@link #put}. */
    static Object allocate(ArrayType t) { return Storage.allocate(t.dtype(), t.size()); }

    /** Writes {@code row} as row {@code i} of {@code buf}. */
    static void put(Object buf, int i, DenseArray row) {
        int n = row.type().size();
        System.arraycopy(row.buffer(), 0, buf, i * n, n);
    }
}
