package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code psum}: the elementwise sum of the operand over all indices of the mapped axis
 * {@code axisName}; every index gets the result.
 *
 * @param axisName the name of the mapped axis (as given to {@code vmap})
 */
public record Psum(String axisName) implements CollectivePrimitive, Linear {
    /** @throws NullPointerException if the axis name is null */
    public Psum {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "psum"; }

    /** JAX's print: {@code psum[axes=('i',) axis_index_groups=None]}. */
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

    /** Over another axis: each example's psum is independent. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    /** Over this axis: the sum along the batch axis, the same for every example. */
    @Override
    public Batched batchNamed(List<Array> args, Ints dims, int axisSize) {
        Array x = args.getFirst();
        int d = dims.get(0);
        if (d == NOT_MAPPED) return Batched.of(Lax.mul(x, Collectives.scalarLike(x, axisSize)), NOT_MAPPED);
        return Batched.of(Lax.reduceSum(x, d), NOT_MAPPED);
    }

    /** Every example's output is the sum of all inputs, so each input's cotangent is the sum of all output cotangents. */
    @Override
    public List<Array> transpose(List<Array> cts, List<Transposable.Operand> operands) {
        return List.of(Lax.psum(cts.getFirst(), axisName));
    }
}
