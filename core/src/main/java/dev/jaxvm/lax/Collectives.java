package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.NamedAxis;
import java.util.List;
import java.util.function.BinaryOperator;

/** Shared pieces of the collective primitives' rules. */
final class Collectives {
    private Collectives() {}

    /** Collectives are the identity on types (all_gather and axis_index override). */
    static List<ArrayType> sameType(String name, List<ArrayType> in) {
        if (in.size() != 1) throw new IllegalArgumentException(name + " takes one operand, got " + in.size());
        return List.of(in.getFirst());
    }

    /** What evaluating a collective outside any transformation that binds its axis raises. */
    static IllegalArgumentException unbound(String axisName) { return NamedAxis.unbound(axisName); }

    /**
     * Combines the slices of {@code x} along {@code axis} with the idempotent {@code op} (max, min)
     * in a balanced tree: log2(n) rounds of whole-array ops, no per-example loop. Odd lengths use
     * overlapping halves, which idempotence makes harmless.
     */
    static Array reduceIdempotent(Array x, int axis, BinaryOperator<Array> op) {
        int n = x.shape()[axis];
        while (n > 1) {
            int m = (n + 1) / 2;
            x = op.apply(sliceAxis(x, axis, 0, m), sliceAxis(x, axis, n - m, n));
            n = m;
        }
        return Lax.squeeze(x, axis);
    }

    private static Array sliceAxis(Array x, int axis, int from, int to) {
        int[] s = x.shape();
        int[] start = new int[s.length];
        int[] limit = s.clone();
        start[axis] = from;
        limit[axis] = to;
        return Lax.slice(x, start, limit, null);
    }

    /** A rank-0 array of {@code x}'s dtype and weak flag holding {@code v}. */
    static Array scalarLike(Array x, double v) { return DenseArray.scalar(x.dtype(), x.weakType(), v); }
}
