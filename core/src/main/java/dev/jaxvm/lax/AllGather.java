package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.List;

/**
 * {@code all_gather}: every example gets the operands of all examples along the mapped axis
 * {@code axisName}, stacked as a new axis at {@code allGatherDimension} (or, when {@code tiled},
 * concatenated along that existing axis).
 *
 * @param axisName the name of the mapped axis
 * @param allGatherDimension where the gathered axis goes (non-negative)
 * @param axisSize the size of the mapped axis
 * @param tiled whether to concatenate rather than stack
 */
public record AllGather(String axisName, int allGatherDimension, int axisSize, boolean tiled)
        implements CollectivePrimitive, Linear {
    /** @throws NullPointerException if the axis name is null */
    public AllGather {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "all_gather"; }

    /** JAX's print: the axis name as a 1-tuple, {@code axis_index_groups=None}. */
    @Override
    public List<Param> params() {
        return List.of(new Param("all_gather_dimension", allGatherDimension), new Param("axis_index_groups", null),
                new Param("axis_name", List.of(axisName)), new Param("axis_size", axisSize), new Param("tiled", tiled));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = Collectives.sameType(name(), in).getFirst();
        int[] d = x.shape().dims();
        int g = allGatherDimension;
        if (g < 0 || g > d.length - (tiled ? 1 : 0)) {
            throw new IllegalArgumentException("all_gather_dimension " + g + " is out of bounds for an operand of shape "
                    + x.shape() + (tiled ? " (tiled)" : ""));
        }
        if (tiled) {
            d[g] *= axisSize;
            return List.of(x.withShape(new Shape(d)));
        }
        return List.of(x.withShape(new Shape(BatchRules.insert(d, g, axisSize))));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        throw Collectives.unbound(axisName);
    }

    /** Over another axis: the batch axis goes first and the gathered axis one later. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array x = BatchRules.moveAxis(args.getFirst(), dims.get(0), 0);
        return Batched.of(dev.jaxvm.core.Trace.bind1(new AllGather(axisName, allGatherDimension + 1, axisSize, tiled), x), 0);
    }

    /** Over this axis: the batch itself, moved to the gathered position; the same for every example. */
    @Override
    public Batched batchNamed(List<Array> args, Ints dims, int size) {
        Array x = args.getFirst();
        int d = dims.get(0);
        int g = allGatherDimension;
        Array gathered = d == NOT_MAPPED ? BatchRules.broadcastAxis(x, size, g) : BatchRules.moveAxis(x, d, g);
        if (!tiled) return Batched.of(gathered, NOT_MAPPED);
        int[] s = gathered.shape();
        int[] merged = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == g + 1) merged[j - 1] *= s[i];
            else merged[j++] = s[i];
        }
        return Batched.of(Lax.reshape(gathered, merged), NOT_MAPPED);
    }

    /**
     * Example {@code j}'s input appears in every example's output at index {@code j} of the gathered
     * axis, so its cotangent is that slice of the sum of all output cotangents (picked with a one-hot
     * mask, as no dynamic indexing is needed).
     */
    @Override
    public List<Array> transpose(List<Array> cts, List<Transposable.Operand> operands) {
        Array total = Lax.psum(cts.getFirst(), axisName);
        int[] s = total.shape();
        int g = allGatherDimension;
        int[] split = s;
        if (tiled) { // (.., n * k, ..) -> (.., n, k, ..)
            split = BatchRules.insert(s, g, axisSize);
            split[g + 1] = s[g] / axisSize;
            total = Lax.reshape(total, split);
        }
        Array hot = Lax.eq(Lax.iota(dev.jaxvm.DType.INT32, axisSize), Lax.broadcastInDim(Lax.axisIndex(axisName),
                new int[] {axisSize}));
        Array mask = Lax.broadcastInDim(Lax.convertElementType(hot, total.dtype(), false), split, g);
        return List.of(Lax.reduceSum(Lax.mul(total, mask), g));
    }
}
