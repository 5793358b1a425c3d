package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code axis_index}: the position of the current example along the mapped axis {@code axisName},
 * an int32 scalar.
 *
 * @param axisName the name of the mapped axis (as given to {@code vmap})
 */
public record AxisIndex(String axisName) implements CollectivePrimitive, ZeroDerivative {
    /** @throws NullPointerException if the axis name is null */
    public AxisIndex {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "axis_index"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (!in.isEmpty()) throw new IllegalArgumentException("axis_index takes no operands");
        return List.of(ArrayType.of(DType.INT32));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        throw Collectives.unbound(axisName);
    }

    /** Without operands it is never batched over another axis: the rule only binds it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(dev.jaxvm.core.Trace.bind1(this), NOT_MAPPED); }

    /** Over this axis: {@code iota}, batched along its only axis. */
    @Override
    public Batched batchNamed(List<Array> args, Ints dims, int axisSize) {
        return Batched.of(Lax.iota(DType.INT32, axisSize), 0);
    }
}
