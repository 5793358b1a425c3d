package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code reduce_window_sum}: the sum of each window (average pooling divides it); padding and dilation holes contribute 0.
 *
 * @param baseDilation the operand dilation (holes between operand elements)
 * @param padding the (low, high) padding of each dimension, applied after base dilation
 * @param windowDilation the window dilation
 * @param windowDimensions the window size of each dimension
 * @param windowStrides the window stride of each dimension
 */
public record ReduceWindowSum(Ints baseDilation, Pads padding, Ints windowDilation, Ints windowDimensions,
        Ints windowStrides) implements WindowPrimitive, Linear, Batchable, Lowerable {
    @Override
    public String name() { return "reduce_window_sum"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (!x.dtype().isFloating() && !x.dtype().isInteger()) {
            throw new IllegalArgumentException("operand to reduce_window_sum must have a number dtype, got " + x.dtype());
        }
        return List.of(WindowReduce.shape(name(), x, windowDimensions, windowStrides, padding, baseDilation, windowDilation));
    }

    @Override
    public List<dev.jaxvm.Array> transpose(List<dev.jaxvm.Array> cts, List<Operand> operands) {
        return java.util.Collections.singletonList(WindowRules.sumTranspose(this, cts.getFirst(), operands.getFirst().type()));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(WindowReduce.evaluate(WindowReduce.Monoid.SUM, in.getFirst(), out.getFirst(), windowDimensions,
                windowStrides, padding, baseDilation, windowDilation));
    }

    /** A unit window along the batch axis. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return WindowBatchRules.reduceWindow(args, dims, d -> new ReduceWindowSum(WindowBatchRules.insert(baseDilation, d, 1), WindowBatchRules.insert(padding, d),
                WindowBatchRules.insert(windowDilation, d, 1), WindowBatchRules.insert(windowDimensions, d, 1), WindowBatchRules.insert(windowStrides, d, 1))); }

    /**
     * Small windows: pad and strided slices fused into one loop nest ({@link WindowDecomposition});
     * larger ones: the reference loop over output positions, split over the compiler's pool.
     */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        Lowering fused = WindowDecomposition.of(WindowReduce.Monoid.SUM, in.getFirst(), windowDimensions, windowStrides, padding,
                baseDilation, windowDilation);
        if (fused != null) return fused;
        return new Lowering.Library(new RangesKernel(name() + "[window=" + windowDimensions + " strides=" + windowStrides + "]",
                (x, o, ranges) -> List.of(WindowReduce.evaluate(WindowReduce.Monoid.SUM, x.getFirst(), o.getFirst(), windowDimensions,
                        windowStrides, padding, baseDilation, windowDilation, ranges))));
    }
}
