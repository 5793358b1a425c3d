package dev.jaxvm.compile;

import java.util.List;

/**
 * Where an element is read: an index into an array of dimensions {@code dims}, held as a flat
 * row-major index or as a multi-index, converting between the two only when asked (so that
 * elementwise chains and reshapes keep a plain flat index).
 */
final class At {
    private final int[] dims;
    private Ix flat;
    private List<Ix> multi;

    private At(int[] dims, Ix flat, List<Ix> multi) {
        this.dims = dims;
        this.flat = flat;
        this.multi = multi;
    }

    static At flat(Ix flat, int[] dims) { return new At(dims, flat, null); }

    static At multi(List<Ix> multi, int[] dims) { return new At(dims, null, List.copyOf(multi)); }

    int[] dims() { return dims; }

    Ix flat() {
        if (flat == null) flat = Ix.linearize(multi, dims);
        return flat;
    }

    List<Ix> multi() {
        if (multi == null) multi = Ix.unravel(flat, dims);
        return multi;
    }

    /** A key for memoising reads: the flat form when it is known, else the multi-index. */
    Object key() { return flat != null ? flat : multi; }
}
