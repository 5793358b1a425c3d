package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;

/** Shape arithmetic shared by the windowed primitives (convolutions, window reductions). */
final class WindowShapes {
    private WindowShapes() {}

    /** {@code core.dilate_dim}: the size of {@code d} elements with {@code r - 1} holes between them. */
    static int dilate(int d, int r) { return d == 0 ? 0 : 1 + r * (d - 1); }

    /** {@code core.stride_dim}: how many windows of {@code window} fit in {@code d} at {@code stride}. */
    static int strideDim(int d, int window, int stride) {
        return Math.max(0, Math.floorDiv(d - window, stride) + 1);
    }

    /**
     * {@code lax.padtype_to_pads}: explicit pads for {@code "SAME"}, {@code "SAME_LOWER"} or
     * {@code "VALID"} (case-insensitive).
     */
    static Pads padtypeToPads(String padding, int[] in, int[] window, int[] strides) {
        String p = padding.toUpperCase(java.util.Locale.ROOT);
        int n = in.length;
        if (p.equals("VALID")) return Pads.zeros(n);
        if (!p.equals("SAME") && !p.equals("SAME_LOWER")) {
            throw new IllegalArgumentException("Unrecognized padding type: expected 'VALID', 'SAME', or 'SAME_LOWER', got "
                    + padding + ".");
        }
        if (strides.length != n || window.length != n) {
            throw new IllegalArgumentException("padding " + padding + ": window " + Ints.of(window) + " and strides "
                    + Ints.of(strides) + " must have one entry per spatial dimension " + Ints.of(in));
        }
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int i = 0; i < n; i++) {
            int out = Math.ceilDiv(in[i], strides[i]);
            int pad = Math.max(0, (out - 1) * strides[i] + window[i] - in[i]);
            int small = pad / 2;
            lo[i] = p.equals("SAME") ? small : pad - small;
            hi[i] = pad - lo[i];
        }
        return new Pads(new Ints(lo), new Ints(hi));
    }

    /** Checks a tuple of window parameters: {@code reduce_window window_strides must have ...}. */
    static void checkShapelike(String fn, String arg, Ints values, boolean positive) {
        for (int v : values.values()) {
            if (v < (positive ? 1 : 0)) {
                throw new IllegalArgumentException(fn + " " + arg + " must have every element be "
                        + (positive ? "strictly positive" : "nonnegative") + ", got " + values + ".");
            }
        }
    }

    /** Ones of length {@code n}. */
    static Ints ones(int n) {
        int[] o = new int[n];
        java.util.Arrays.fill(o, 1);
        return new Ints(o);
    }
}
