package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * The sliding-window reductions ({@code reduce_window_sum}, {@code _max}, {@code _min}): the same
 * window parameters, shape rule, evaluation, batch rule and lowering; they differ in the monoid and
 * in their derivative rules.
 */
public sealed interface ReduceWindow extends WindowPrimitive, Batchable, Lowerable
        permits ReduceWindowSum, ReduceWindowMax, ReduceWindowMin {

    /** The operand dilation (holes between operand elements). */
    Ints baseDilation();

    /** The (low, high) padding of each dimension, applied after base dilation. */
    Pads padding();

    /** The window dilation. */
    Ints windowDilation();

    /** The window size of each dimension. */
    Ints windowDimensions();

    /** The window stride of each dimension. */
    Ints windowStrides();

    /** The reduction applied over each window. */
    WindowReduce.Monoid monoid();

    /** The same reduction with other window parameters. */
    ReduceWindow with(Ints baseDilation, Pads padding, Ints windowDilation, Ints windowDimensions, Ints windowStrides);

    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) {
        return List.of(WindowReduce.shape(name(), in.getFirst(), windowDimensions(), windowStrides(), padding(),
                baseDilation(), windowDilation()));
    }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(WindowReduce.evaluate(monoid(), in.getFirst(), out.getFirst(), windowDimensions(), windowStrides(),
                padding(), baseDilation(), windowDilation()));
    }

    /** A unit window along the batch axis. */
    @Override
    default Batched batch(List<Array> args, Ints dims) {
        return WindowBatchRules.reduceWindow(args, dims, d -> with(WindowBatchRules.insert(baseDilation(), d, 1),
                WindowBatchRules.insert(padding(), d), WindowBatchRules.insert(windowDilation(), d, 1),
                WindowBatchRules.insert(windowDimensions(), d, 1), WindowBatchRules.insert(windowStrides(), d, 1)));
    }

    /**
     * Small windows: pad and strided slices fused into one loop nest ({@link WindowDecomposition});
     * larger ones: the reference loop over output positions, split over the compiler's pool.
     */
    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        Lowering fused = WindowDecomposition.of(monoid(), in.getFirst(), windowDimensions(), windowStrides(), padding(),
                baseDilation(), windowDilation());
        if (fused != null) return fused;
        return new Lowering.Library(new RangesKernel(name() + "[window=" + windowDimensions() + " strides=" + windowStrides() + "]",
                (x, o, ranges) -> List.of(WindowReduce.evaluate(monoid(), x.getFirst(), o.getFirst(), windowDimensions(),
                        windowStrides(), padding(), baseDilation(), windowDilation(), ranges))));
    }
}
