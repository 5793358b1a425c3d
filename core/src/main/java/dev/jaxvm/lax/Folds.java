package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/** Axis validation with JAX's messages, and the reference fold shared by the monoid reductions. */
final class Folds {
    private Folds() {}

    /** The reduced shape, or JAX's error for out-of-bounds or repeated axes. */
    static Shape reducedShape(ArrayType in, Ints axes) {
        int r = in.rank();
        boolean[] seen = new boolean[Math.max(r, 0)];
        for (int a : axes.values()) {
            if (a < 0 || a >= r) {
                throw new IllegalArgumentException("reduction axes " + axes + " contains out-of-bounds indices for "
                        + in.toLongString().replace("~", "") + ".");
            }
        }
        for (int a : axes.values()) {
            if (seen[a]) throw new IllegalArgumentException("duplicate value in 'axes' of reduction: " + axes);
            seen[a] = true;
        }
        return Reductions.reducedShape("reduction", in.shape(), axes);
    }

    /** The one-operand type rule of a monoid reduction accepting the given dtypes. */
    static List<ArrayType> monoidType(String name, List<ArrayType> in, Ints axes, DTypeRule rule) {
        DTypeRule.arity(name, in, 1);
        if (rule != null) rule.check(name, in);
        ArrayType x = in.getFirst();
        return List.of(x.withShape(reducedShape(x, axes)));
    }

    /** The logical reductions' dtype rule: bool or integer operands. */
    static void checkLogical(List<ArrayType> in) {
        DType t = in.getFirst().dtype();
        if (t != DType.BOOL && !t.isInteger()) {
            throw new IllegalArgumentException("logical reduction requires operand dtype bool or int, got " + t + ".");
        }
    }

    /** Folds {@code op} over {@code axes}, starting every output from the identity of op for the dtype. */
    static DenseArray fold(DenseArray x, Ints axes, ArrayType out, ScalarOp op) {
        DType t = x.dtype();
        int[] target = Reductions.outputIndex(x.type().shape(), axes);
        int n = out.size();
        Object data = Storage.allocate(t, n);
        if (t.isFloating()) {
            double[] acc = new double[n];
            java.util.Arrays.fill(acc, identityDouble(op));
            for (int i = 0; i < target.length; i++) acc[target[i]] = op.applyDouble(acc[target[i]], x.getDouble(i));
            for (int i = 0; i < n; i++) Storage.setDouble(t, data, i, acc[i]);
        } else {
            long[] acc = new long[n];
            java.util.Arrays.fill(acc, identityLong(op, t));
            for (int i = 0; i < target.length; i++) {
                acc[target[i]] = wrap(t, op.applyLong(t, acc[target[i]], x.getLong(i)));
            }
            for (int i = 0; i < n; i++) Storage.setLong(t, data, i, acc[i]);
        }
        return DenseArray.wrap(out, data);
    }

    /** A long result wrapped to the dtype's width, read back as {@link Storage#getLong} would. */
    static long wrap(DType t, long v) {
        Object one = Storage.allocate(t, 1);
        Storage.setLong(t, one, 0, v);
        return Storage.getLong(t, one, 0);
    }

    static double identityDouble(ScalarOp op) {
        return switch (op) {
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case MUL -> 1;
            case ADD -> 0;
            default -> throw new IllegalArgumentException("no float identity for " + op);
        };
    }

    static long identityLong(ScalarOp op, DType t) {
        boolean bool = t == DType.BOOL;
        return switch (op) {
            case MAX -> bool ? 0 : minValue(t);
            case MIN -> bool ? 1 : maxValue(t);
            case MUL -> 1;
            case AND -> bool ? 1 : wrap(t, -1);
            case ADD, OR, XOR -> 0;
            default -> throw new IllegalArgumentException("no integer identity for " + op);
        };
    }

    static long minValue(DType t) {
        return t.isUnsigned() ? 0 : -(1L << (t.bits() - 1));
    }

    static long maxValue(DType t) {
        if (t == DType.UINT64) return -1L;
        if (t.isUnsigned()) return (1L << t.bits()) - 1;
        return t.bits() == 64 ? Long.MAX_VALUE : (1L << (t.bits() - 1)) - 1;
    }
}
