package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the batch, feature and spatial dimensions of a convolution's operands live
 * ({@code lax.ConvDimensionNumbers}). Each spec lists operand axes in canonical order:
 * (batch, feature, spatial...) for the input and output, (out-feature, in-feature, spatial...)
 * for the kernel. Spatial dimensions are matched by the kernel's order of spatial letters.
 *
 * {@snippet :
 * ConvDimensionNumbers dn = ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC");
 * assert dn.lhsSpec().equals(Ints.of(0, 3, 1, 2)) && dn.rhsSpec().equals(Ints.of(3, 2, 0, 1));
 * }
 *
 * @param lhsSpec the input's axes in (batch, feature, spatial...) order
 * @param rhsSpec the kernel's axes in (out-feature, in-feature, spatial...) order
 * @param outSpec the output's axes in (batch, feature, spatial...) order
 */
public record ConvDimensionNumbers(Ints lhsSpec, Ints rhsSpec, Ints outSpec) {

    /** The default {@code (0, 1, 2, ...)} for all three operands (NCHW, OIHW, NCHW). */
    public static ConvDimensionNumbers defaults(int rank) {
        int[] iota = new int[rank];
        for (int i = 0; i < rank; i++) iota[i] = i;
        Ints t = new Ints(iota);
        return new ConvDimensionNumbers(t, t, t);
    }

    /**
     * Dimension numbers from layout strings such as {@code ("NHWC", "HWIO", "NHWC")}, as
     * {@code lax.conv_general_permutations}: N and C name the batch and feature axes of the input and
     * output, O and I the kernel's, and every other letter a spatial axis.
     *
     * @throws IllegalArgumentException with JAX's message when a string misses a letter, repeats one, or
     *     the three disagree on their spatial letters
     */
    public static ConvDimensionNumbers of(String lhs, String rhs, String out) {
        String[] specs = {lhs, rhs, out};
        char[][] pairs = {{'N', 'C'}, {'O', 'I'}, {'N', 'C'}};
        for (int i = 0; i < 3; i++) {
            String s = specs[i];
            if (count(s, pairs[i][0]) != 1 || count(s, pairs[i][1]) != 1) {
                throw new IllegalArgumentException("convolution dimension_numbers[" + i + "] must contain the characters '"
                        + pairs[i][0] + "' and '" + pairs[i][1] + "' exactly once, got " + s + ".");
            }
            if (s.chars().distinct().count() != s.length()) {
                throw new IllegalArgumentException("convolution dimension_numbers[" + i
                        + "] cannot have duplicate characters, got " + s + ".");
            }
        }
        if (!spatial(lhs, pairs[0]).equals(spatial(rhs, pairs[1])) || !spatial(rhs, pairs[1]).equals(spatial(out, pairs[2]))) {
            throw new IllegalArgumentException("convolution dimension_numbers elements must each have the same set of"
                    + " spatial characters, got ('" + lhs + "', '" + rhs + "', '" + out + "').");
        }
        return new ConvDimensionNumbers(perm(lhs, pairs[0], rhs), perm(rhs, pairs[1], rhs), perm(out, pairs[2], rhs));
    }

    /** The rank all three specs describe. */
    public int rank() { return lhsSpec.size(); }

    private static int count(String s, char c) { return (int) s.chars().filter(x -> x == c).count(); }

    private static Set<Character> spatial(String s, char[] pair) {
        Set<Character> out = new HashSet<>();
        for (char c : s.toCharArray()) if (c != pair[0] && c != pair[1]) out.add(c);
        return out;
    }

    private static Ints perm(String spec, char[] pair, String rhs) {
        int[] out = new int[spec.length()];
        out[0] = spec.indexOf(pair[0]);
        out[1] = spec.indexOf(pair[1]);
        int k = 2;
        for (char c : rhs.toCharArray()) {
            if (c == 'O' || c == 'I') continue;
            out[k++] = spec.indexOf(c);
        }
        return new Ints(out);
    }

    /** JAX's text: {@code ConvDimensionNumbers(lhs_spec=(0, 3, 1, 2), rhs_spec=(3, 2, 0, 1), out_spec=(0, 3, 1, 2))}. */
    @Override
    public String toString() {
        return "ConvDimensionNumbers(lhs_spec=" + lhsSpec + ", rhs_spec=" + rhsSpec + ", out_spec=" + outSpec + ")";
    }
}
