package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code pmin}: the elementwise minimum of the operand over all indices of the mapped axis
 * {@code axisName}; every index gets the result.
 *
 * @param axisName the name of the mapped axis (as given to {@code vmap})
 */
public record Pmin(String axisName) implements CollectivePrimitive {
    /** @throws NullPointerException if the axis name is null */
    public Pmin {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "pmin"; }

    /** JAX's print: {@code pmin[axes=('i',) axis_index_groups=None]}. */
    @Override
    public List<Param> params() {
        return List.of(new Param("axes", List.of(axisName)), new Param("axis_index_groups", null));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return Collectives.sameType(name(), in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        throw Collectives.unbound(axisName);
    }

    /** Over another axis: each example's pmin is independent. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    /** Over this axis: the minimum along the batch axis, the same for every example. */
    @Override
    public Batched batchNamed(List<Array> args, Ints dims, int axisSize) {
        Array x = args.getFirst();
        int d = dims.get(0);
        if (d == NOT_MAPPED) return Batched.of(x, NOT_MAPPED);
        return Batched.of(Lax.reduceMin(x, d), NOT_MAPPED);
    }
}
