package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;
import java.util.List;

/** The type rule and reference evaluation shared by the cumulative primitives ({@code cumsum}, ...). */
final class Scans {
    private Scans() {}

    /** What each step of a scan does. */
    enum Kind { SUM, PROD, MAX, MIN, LOGSUMEXP }

    static List<ArrayType> type(String name, List<ArrayType> in, int axis, Kind kind) {
        DTypeRule.arity(name, in, 1);
        DTypeRule.NUMBER.check(name, in);
        if (kind == Kind.LOGSUMEXP && !in.getFirst().dtype().isFloating()) {
            // JAX itself crashes here ("cannot convert float infinity to integer"): say what is wrong instead.
            throw new IllegalArgumentException(name + " does not accept dtype " + in.getFirst().dtype()
                    + ": it needs a floating dtype (its identity is -inf).");
        }
        ArrayType x = in.getFirst();
        if (axis < 0) throw new IllegalArgumentException("XLA operations do not allow negative axes");
        if (axis >= x.rank()) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for array of shape " + x.shape());
        }
        return List.of(x);
    }

    static DenseArray evaluate(DenseArray x, int axis, boolean reverse, ArrayType out, Kind kind) {
        int[] dims = x.type().shape().dims();
        int n = dims[axis];
        int inner = 1;
        for (int k = axis + 1; k < dims.length; k++) inner *= dims[k];
        int outer = n * inner == 0 ? 0 : x.size() / (n * inner);
        DType t = x.dtype();
        Object data = Storage.allocate(t, x.size());
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double accD = 0;
                long accL = 0;
                for (int s = 0; s < n; s++) {
                    int i = reverse ? n - 1 - s : s;
                    int idx = (o * n + i) * inner + in;
                    if (t.isFloating()) {
                        double v = x.getDouble(idx);
                        accD = s == 0 ? v : stepDouble(kind, accD, v);
                        accD = Rounding.toDType(t, accD);
                        Storage.setDouble(t, data, idx, accD);
                    } else {
                        long v = x.getLong(idx);
                        accL = s == 0 ? v : Folds.wrap(t, stepLong(kind, t, accL, v));
                        Storage.setLong(t, data, idx, accL);
                    }
                }
            }
        }
        return DenseArray.wrap(out, data);
    }

    private static double stepDouble(Kind kind, double acc, double v) {
        return switch (kind) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> ScalarOp.MAX.applyDouble(acc, v);
            case MIN -> ScalarOp.MIN.applyDouble(acc, v);
            case LOGSUMEXP -> logAddExp(acc, v);
        };
    }

    private static long stepLong(Kind kind, DType t, long acc, long v) {
        return switch (kind) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> ScalarOp.MAX.applyLong(t, acc, v);
            case MIN -> ScalarOp.MIN.applyLong(t, acc, v);
            case LOGSUMEXP -> throw new IllegalStateException("cumlogsumexp on integers");
        };
    }

    static double logAddExp(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) return m;
        if (m == Double.POSITIVE_INFINITY) return m;
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
