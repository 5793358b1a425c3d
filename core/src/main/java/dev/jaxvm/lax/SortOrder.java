package dev.jaxvm.lax;

import dev.jaxvm.core.DenseArray;

/** The total order of {@code sort} and {@code top_k}: NaN after everything, -0.0 equal to 0.0, unsigned ints unsigned. */
final class SortOrder {
    private SortOrder() {}

    static int compare(DenseArray a, int i, int j) {
        if (a.dtype().isFloating()) {
            double x = a.getDouble(i), y = a.getDouble(j);
            boolean nx = Double.isNaN(x), ny = Double.isNaN(y);
            if (nx || ny) return Boolean.compare(nx, ny);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        long x = a.getLong(i), y = a.getLong(j);
        return a.dtype().isUnsigned() ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }
}
