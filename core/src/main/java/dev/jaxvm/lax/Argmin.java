package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code argmin}: the index of the minimum along the single axis in {@code axes}, as {@code indexDtype};
 * the first index wins ties, and a NaN always wins (its first index is returned).
 *
 * @param axes one non-negative axis
 * @param indexDtype the integer dtype of the result
 */
public record Argmin(Ints axes, DType indexDtype) implements ReductionPrimitive, Batchable, ZeroDerivative, Lowerable {
    @Override
    public String name() { return "argmin"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return ArgReductions.type(name(), in, axes, indexDtype);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(ArgReductions.evaluate(in.getFirst(), axes.get(0), out.getFirst(), false));
    }

    /** The batch axis stays; the reduced axis shifts around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes, a -> new Argmin(a, indexDtype)); }

    /** A reduction carrying the index, along the axis, the lines split over the cores. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Library(new dev.jaxvm.compile.ArgKernel(false, axes.get(0)));
    }
}
