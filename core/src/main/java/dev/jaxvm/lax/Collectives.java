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
}
