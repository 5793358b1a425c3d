package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/** The type rule and reference evaluation shared by {@code argmax} and {@code argmin}. */
final class ArgReductions {
    private ArgReductions() {}

    static List<ArrayType> type(String name, List<ArrayType> in, Ints axes, DType indexDtype) {
        DTypeRule.arity(name, in, 1);
        ArrayType x = in.getFirst();
        if (axes.size() != 1) {
            throw new IllegalArgumentException(name + " takes exactly one axis, got axes=" + axes);
        }
        int axis = axes.get(0);
        if (axis < 0 || axis >= x.rank()) {
            throw new IllegalArgumentException("Invalid axis " + axis + " for operand shape " + x.shape());
        }
        if (!indexDtype.isInteger()) {
            throw new IllegalArgumentException("index_dtype must be an integer type, but got " + indexDtype);
        }
        if (x.shape().dim(axis) == 0) {
            throw new IllegalArgumentException("argmin and argmax require non-empty reduced dimension. operand.shape="
                    + x.shape() + " axis=" + axis);
        }
        Shape out = Reductions.reducedShape(name, x.shape(), axes);
        return List.of(new ArrayType(out, indexDtype, false));
    }

    /** The index of the extreme along the axis: first index on ties, and the first NaN always wins. */
    static DenseArray evaluate(DenseArray x, int axis, ArrayType out, boolean max) {
        int[] dims = x.type().shape().dims();
        int n = dims[axis];
        int inner = 1;
        for (int k = axis + 1; k < dims.length; k++) inner *= dims[k];
        int outer = inner == 0 ? 0 : out.size() / inner;
        Object data = Storage.allocate(out.dtype(), out.size());
        boolean floating = x.dtype().isFloating();
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                int best = 0;
                for (int i = 1; i < n; i++) {
                    int cur = base + i * inner, prev = base + best * inner;
                    if (floating ? better(x.getDouble(cur), x.getDouble(prev), max)
                            : betterLong(x.dtype(), x.getLong(cur), x.getLong(prev), max)) {
                        best = i;
                    }
                }
                Storage.setLong(out.dtype(), data, o * inner + in, best);
            }
        }
        return DenseArray.wrap(out, data);
    }

    private static boolean better(double cur, double best, boolean max) {
        if (Double.isNaN(best)) return false;
        if (Double.isNaN(cur)) return true;
        return max ? cur > best : cur < best;
    }

    private static boolean betterLong(DType t, long cur, long best, boolean max) {
        int c = t.isUnsigned() ? Long.compareUnsigned(cur, best) : Long.compare(cur, best);
        return max ? c > 0 : c < 0;
    }
}
