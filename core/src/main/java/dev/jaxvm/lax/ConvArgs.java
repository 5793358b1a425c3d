package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Py;

/** Resolves the user-facing arguments of the convolution functions in {@link Lax} (JAX's Python-side logic). */
final class ConvArgs {
    private ConvArgs() {}

    /** {@code conv_dimension_numbers}: null, three layout strings, or a {@link ConvDimensionNumbers}. */
    static ConvDimensionNumbers dimensionNumbers(Array lhs, Array rhs, Object dn) {
        if (dn instanceof ConvDimensionNumbers c) return c;
        int[] ls = lhs.shape();
        int[] rs = rhs.shape();
        if (ls.length != rs.length) {
            throw new IllegalArgumentException("convolution requires lhs and rhs ndim to be equal, got " + ls.length
                    + " and " + rs.length + ".");
        }
        if (dn == null) return ConvDimensionNumbers.defaults(ls.length);
        if (dn instanceof String[] specs) {
            if (specs.length != 3) {
                throw new IllegalArgumentException("convolution dimension_numbers list/tuple must be length 3, got "
                        + specs.length + ".");
            }
            for (int i = 0; i < 3; i++) {
                if (specs[i].length() != ls.length) {
                    throw new IllegalArgumentException("convolution dimension_numbers[" + i + "] must have len equal to the"
                            + " ndim of lhs and rhs, got " + specs[i].length() + " for lhs and rhs shapes " + Py.tuple(ls)
                            + " and " + Py.tuple(rs) + ".");
                }
            }
            return ConvDimensionNumbers.of(specs[0], specs[1], specs[2]);
        }
        throw new IllegalArgumentException("convolution dimension_numbers must be a String[3], a ConvDimensionNumbers"
                + " or null, got " + dn.getClass().getSimpleName() + ".");
    }

    /** The spatial sizes of {@code x} in the order of {@code spec[2:]}. */
    static int[] spatial(Array x, Ints spec) {
        int[] s = x.shape();
        int[] out = new int[spec.size() - 2];
        for (int i = 0; i < out.length; i++) out[i] = s[spec.get(2 + i)];
        return out;
    }

    /** Padding as given (a String or {@code int[][]} of (low, high) pairs) resolved against the window. */
    static Pads padding(Object padding, int[] inSpatial, int[] windowSpatial, int[] strides, String fn) {
        return switch (padding) {
            case String s -> WindowShapes.padtypeToPads(s, inSpatial, windowSpatial, strides);
            case int[][] pairs -> Pads.of(pairs);
            case Pads p -> p;
            case null, default -> throw new IllegalArgumentException("padding argument to " + fn + " should be a string or"
                    + " a sequence of (low, high) pairs, got " + padding);
        };
    }

    static Ints orOnes(int[] values, int n) { return values == null ? WindowShapes.ones(n) : Ints.of(values); }

    /** {@code _conv_transpose_padding} for one dimension. */
    static int[] transposePadding(int k, int s, Object padding, int dim) {
        int padA;
        int padLen;
        switch (padding) {
            case String p when p.equals("SAME") -> {
                padLen = k + s - 2;
                padA = s > k - 1 ? k - 1 : (int) Math.ceil(padLen / 2.0);
            }
            case String p when p.equals("VALID") -> {
                padLen = k + s - 2 + Math.max(k - s, 0);
                padA = k - 1;
            }
            case int[][] pairs -> {
                int a = k - pairs[dim][0] - 1;
                int b = k - pairs[dim][1] - 1;
                padA = a;
                padLen = a + b;
            }
            case null, default -> throw new IllegalArgumentException("Invalid padding mode: " + padding);
        }
        return new int[] {padA, padLen - padA};
    }
}
