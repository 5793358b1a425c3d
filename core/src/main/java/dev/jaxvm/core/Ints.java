package dev.jaxvm.core;

import java.util.Arrays;

/**
 * An immutable tuple of ints, the type of primitive parameters such as axes, permutations and
 * slice bounds. {@link #toString()} is Python's tuple text, as JAX prints parameters.
 *
 * {@snippet :
 * assert Ints.of(0, 1).toString().equals("(0, 1)") && Ints.of(2).toString().equals("(2,)");
 * }
 *
 * @param values the ints; copied, never exposed
 */
public record Ints(int[] values) {
    /** The empty tuple. */
    public static final Ints EMPTY = new Ints(new int[0]);

    public Ints {
        values = values.clone();
    }

    /** A tuple of the given ints. */
    public static Ints of(int... values) { return new Ints(values); }

    /** A copy of the values. */
    @Override
    public int[] values() { return values.clone(); }

    /** Element {@code i}. */
    public int get(int i) { return values[i]; }

    /** Number of elements. */
    public int size() { return values.length; }

    /** Whether {@code v} is an element. */
    public boolean contains(int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) { return o instanceof Ints i && Arrays.equals(values, i.values); }

    @Override
    public int hashCode() { return Arrays.hashCode(values); }

    @Override
    public String toString() { return Py.tuple(values); }
}
