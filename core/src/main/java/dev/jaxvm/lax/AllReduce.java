package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * The collectives that reduce their operand over all indices of a mapped axis and give every index
 * the result ({@code psum}, {@code pmax}, {@code pmin}): they differ only in the reduction.
 */
public sealed interface AllReduce extends CollectivePrimitive permits Psum, Pmax, Pmin {

    /** The name of the mapped axis (as given to {@code vmap}). */
    String axisName();

    /** The reduction of {@code x} along {@code axis}. */
    Array reduce(Array x, int axis);

    /** The result when the operand does not vary along the axis (of {@code axisSize} indices). */
    Array unmapped(Array x, int axisSize);

    /** JAX's print: {@code psum[axes=('i',) axis_index_groups=None]}. */
    @Override
    default List<Param> params() {
        return List.of(new Param("axes", List.of(axisName())), new Param("axis_index_groups", null));
    }

    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) { return Collectives.sameType(name(), in); }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        throw Collectives.unbound(axisName());
    }

    /** Over another axis: each example's reduction is independent. */
    @Override
    default Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    /** Over this axis: the reduction along the batch axis, the same for every example. */
    @Override
    default Batched batchNamed(List<Array> args, Ints dims, int axisSize) {
        Array x = args.getFirst();
        int d = dims.get(0);
        return Batched.of(d == NOT_MAPPED ? unmapped(x, axisSize) : reduce(x, d), NOT_MAPPED);
    }
}
