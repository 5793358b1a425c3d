package dev.jaxvm.core;

import java.util.Arrays;

/**
 * The dimensions of an array: an immutable list of non-negative sizes, row-major.
 *
 * {@snippet :
 * Shape s = Shape.of(2, 3);
 * assert s.size() == 6 && s.rank() == 2 && s.toString().equals("(2, 3)");
 * }
 *
 * @param dims the sizes; copied, never exposed
 */
public record Shape(int[] dims) {
    /** The shape of a 0-d (scalar) array. */
    public static final Shape SCALAR = new Shape(new int[0]);

    /** @throws IllegalArgumentException if a size is negative */
    public Shape {
        dims = dims.clone();
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
        }
    }

    /** A shape from its sizes. */
    public static Shape of(int... dims) { return new Shape(dims); }

    /** A copy of the sizes. */
    @Override
    public int[] dims() { return dims.clone(); }

    /** The number of dimensions. */
    public int rank() { return dims.length; }

    /** The size of dimension {@code axis} (0-based, non-negative). */
    public int dim(int axis) { return dims[axis]; }

    /** The number of elements (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) n *= d;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("array too large: " + this);
        return (int) n;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** The dims as JAX prints them inside a type: {@code 3,4}. */
    public String toTypeString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) b.append(',');
            b.append(dims[i]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }

    /** Python's tuple text: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    @Override
    public String toString() { return Py.tuple(dims); }
}
