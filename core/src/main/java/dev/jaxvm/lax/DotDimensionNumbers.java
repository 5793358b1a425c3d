package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;

/**
 * The dimension numbers of {@code dot_general}: {@code ((lhs_contract, rhs_contract), (lhs_batch,
 * rhs_batch))}, printed as JAX re-renders them, with lists: {@code (([1], [0]), ([], []))}.
 *
 * {@snippet :
 * var matmul = DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {});
 * assert matmul.toString().equals("(([1], [0]), ([], []))");
 * }
 *
 * @param lhsContracting contracted dimensions of the left operand
 * @param rhsContracting contracted dimensions of the right operand, paired in order
 * @param lhsBatch batch dimensions of the left operand
 * @param rhsBatch batch dimensions of the right operand, paired in order
 */
public record DotDimensionNumbers(Ints lhsContracting, Ints rhsContracting, Ints lhsBatch, Ints rhsBatch) {
    /** From plain int arrays. */
    public static DotDimensionNumbers of(int[] lhsContracting, int[] rhsContracting, int[] lhsBatch, int[] rhsBatch) {
        return new DotDimensionNumbers(Ints.of(lhsContracting), Ints.of(rhsContracting), Ints.of(lhsBatch), Ints.of(rhsBatch));
    }

    private static String list(Ints v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.size(); i++) b.append(i > 0 ? ", " : "").append(v.get(i));
        return b.append(']').toString();
    }

    @Override
    public String toString() {
        return "((" + list(lhsContracting) + ", " + list(rhsContracting) + "), (" + list(lhsBatch) + ", " + list(rhsBatch) + "))";
    }
}
