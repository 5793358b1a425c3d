package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;

/**
 * Explicit {@code (low, high)} padding per spatial dimension, as JAX's {@code padding} parameter of
 * windowed primitives. Negative values crop. {@link #toString()} is Python's nested-tuple text,
 * {@code ((1, 1), (0, 2))}.
 *
 * @param lo the padding before each dimension
 * @param hi the padding after each dimension
 */
public record Pads(Ints lo, Ints hi) {
    /** @throws IllegalArgumentException if lo and hi differ in length */
    public Pads {
        if (lo.size() != hi.size()) {
            throw new IllegalArgumentException("padding: " + lo.size() + " low values but " + hi.size() + " high values");
        }
    }

    /** Pads from {@code (low, high)} pairs, e.g. {@code new int[][] {{1, 1}, {0, 2}}}. */
    public static Pads of(int[][] pairs) {
        int[] l = new int[pairs.length];
        int[] h = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i] == null || pairs[i].length != 2) {
                throw new IllegalArgumentException("padding should be a sequence of (low, high) pairs, got "
                        + java.util.Arrays.deepToString(pairs));
            }
            l[i] = pairs[i][0];
            h[i] = pairs[i][1];
        }
        return new Pads(new Ints(l), new Ints(h));
    }

    /** No padding in {@code n} dimensions. */
    public static Pads zeros(int n) { return new Pads(new Ints(new int[n]), new Ints(new int[n])); }

    /** Number of dimensions. */
    public int size() { return lo.size(); }

    /** Low padding of dimension {@code i}. */
    public int lo(int i) { return lo.get(i); }

    /** High padding of dimension {@code i}. */
    public int hi(int i) { return hi.get(i); }

    /** The pairs as a fresh {@code int[n][2]}. */
    public int[][] toArray() {
        int[][] out = new int[size()][];
        for (int i = 0; i < out.length; i++) out[i] = new int[] {lo(i), hi(i)};
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < size(); i++) {
            if (i > 0) b.append(", ");
            b.append('(').append(lo(i)).append(", ").append(hi(i)).append(')');
        }
        return b.append(size() == 1 ? ",)" : ")").toString();
    }
}
