package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.NamedAxis;
import java.util.List;

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

    /** A rank-0 array of {@code x}'s dtype and weak flag holding {@code v}. */
    static Array scalarLike(Array x, double v) { return DenseArray.scalar(x.dtype(), x.weakType(), v); }

    /** {@code lax.pmean}: psum divided by the axis size; integers are averaged in the default float type (true division). */
    static Array pmean(Array x, String axisName) {
        int n = NamedAxis.size(axisName);
        Array s = Lax.psum(x, axisName);
        if (!s.dtype().isFloating()) s = Lax.convertElementType(s, dev.jaxvm.DType.defaultFloat(), s.weakType());
        return Lax.div(s, scalarLike(s, n));
    }

    /**
     * {@code lax.all_gather} with JAX's axis normalisation.
     *
     * @throws IllegalArgumentException if no enclosing vmap binds {@code axisName} or the axis is out of range
     */
    static Array allGather(Array x, String axisName, int axis, boolean tiled) {
        int size = NamedAxis.size(axisName);
        int rank = x.ndim() + (tiled ? 0 : 1);
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for array of dimension " + rank);
        }
        return dev.jaxvm.core.Trace.bind1(new AllGather(axisName, axis < 0 ? axis + rank : axis, size, tiled), x);
    }
}
