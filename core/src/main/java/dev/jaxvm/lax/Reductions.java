package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;

/** Shape logic shared by the reduction primitives. */
final class Reductions {
    private Reductions() {}

    /** The shape left after removing {@code axes}; validates them. */
    static Shape reducedShape(String name, Shape in, Ints axes) {
        int r = in.rank();
        boolean[] drop = new boolean[r];
        for (int a : axes.values()) {
            if (a < 0 || a >= r || drop[a]) {
                throw new IllegalArgumentException(name + ": axes " + axes + " are invalid for an operand of shape " + in);
            }
            drop[a] = true;
        }
        int[] d = new int[r - axes.size()];
        int j = 0;
        for (int i = 0; i < r; i++) if (!drop[i]) d[j++] = in.dim(i);
        return new Shape(d);
    }

    /** For each flat index of the operand, the flat index of the output element it reduces into. */
    static int[] outputIndex(Shape in, Ints axes) {
        int[] dims = in.dims();
        int n = in.size();
        int[] out = new int[n];
        int[] idx = new int[dims.length];
        for (int i = 0; i < n; i++) {
            int o = 0;
            for (int k = 0; k < dims.length; k++) {
                if (!axes.contains(k)) o = o * dims[k] + idx[k];
            }
            out[i] = o;
            for (int k = dims.length - 1; k >= 0; k--) {
                if (++idx[k] < dims[k]) break;
                idx[k] = 0;
            }
        }
        return out;
    }
}
