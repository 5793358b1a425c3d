package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.function.IntUnaryOperator;

/** Reference evaluation of movement primitives as index maps: each output element reads one input element. */
final class IndexMaps {
    private IndexMaps() {}

    /** Output element {@code i} is input element {@code map(i)}. */
    static DenseArray gather(DenseArray in, ArrayType out, IntUnaryOperator map) {
        int n = out.size();
        Object src = in.buffer();
        Object dst = Storage.allocate(out.dtype(), n);
        for (int i = 0; i < n; i++) Storage.copyElement(src, map.applyAsInt(i), dst, i);
        return DenseArray.wrap(out, dst);
    }

    /** Multi-index of flat index {@code flat} in a row-major shape {@code dims}, written into {@code idx}. */
    static void unravel(int flat, int[] dims, int[] idx) {
        for (int k = dims.length - 1; k >= 0; k--) {
            int d = dims[k];
            idx[k] = d == 0 ? 0 : flat % d;
            flat = d == 0 ? 0 : flat / d;
        }
    }

    /** Normalises an axis against a rank, as NumPy does. */
    static int axis(String fn, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(fn + ": axis " + axis + " is out of bounds for array of dimension " + rank);
        }
        return axis < 0 ? axis + rank : axis;
    }
}
