package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import java.util.ArrayList;
import java.util.List;

/** The transpose of {@code dot_general} with respect to one operand (JAX's {@code _dot_general_transpose_lhs}). */
final class DotTranspose {
    private DotTranspose() {}

    /**
     * The cotangent of the operand of type {@code xType} contracted with {@code y}; {@code swapAns}
     * when {@code x} is the right operand (its free dimensions come last in the output).
     */
    static Array lhs(Array g, ArrayType xType, ArrayType yType, Array y, Ints xContract, Ints yContract, Ints xBatch,
            Ints yBatch, Precision precision, DType preferred, boolean swapAns) {
        List<Integer> xKept = remaining(xType.rank(), xContract, xBatch);
        List<Integer> yKept = remaining(yType.rank(), yContract, yBatch);
        int nb = xBatch.size();
        int[] ansBatch = range(0, nb);
        int[] ansY = swapAns ? range(nb, nb + yKept.size()) : range(nb + xKept.size(), nb + xKept.size() + yKept.size());
        DotDimensionNumbers dims = DotDimensionNumbers.of(ansY, toArray(yKept), ansBatch, yBatch.values());
        Integer[] order = new Integer[yContract.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(yContract.get(a), yContract.get(b)));
        List<Integer> unsorted = new ArrayList<>();
        for (int b : xBatch.values()) unsorted.add(b);
        unsorted.addAll(xKept);
        for (Integer o : order) unsorted.add(xContract.get(o));
        int[] outAxes = new int[unsorted.size()];
        Integer[] idx = new Integer[unsorted.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(unsorted.get(a), unsorted.get(b)));
        boolean identity = true;
        for (int i = 0; i < idx.length; i++) {
            outAxes[i] = idx[i];
            identity &= idx[i] == i;
        }
        Array dg = Lax.dotGeneral(g, y, dims, precision, preferred);
        Array xBar = identity ? dg : Lax.transpose(dg, outAxes);
        if (xBar.dtype() != xType.dtype()) xBar = Lax.convertElementType(xBar, xType.dtype(), xType.weakType());
        return xBar;
    }

    private static List<Integer> remaining(int n, Ints a, Ints b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!a.contains(i) && !b.contains(i)) out.add(i);
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    private static int[] toArray(List<Integer> l) { return l.stream().mapToInt(Integer::intValue).toArray(); }
}
