package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
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
        Ints windowStrides) implements ReduceWindow, Linear {
    @Override
    public String name() { return "reduce_window_sum"; }

    @Override
    public WindowReduce.Monoid monoid() { return WindowReduce.Monoid.SUM; }

    @Override
    public ReduceWindowSum with(Ints baseDilation, Pads padding, Ints windowDilation, Ints windowDimensions, Ints windowStrides) {
        return new ReduceWindowSum(baseDilation, padding, windowDilation, windowDimensions, windowStrides);
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (!x.dtype().isFloating() && !x.dtype().isInteger()) {
            throw new IllegalArgumentException("operand to reduce_window_sum must have a number dtype, got " + x.dtype());
        }
        return ReduceWindow.super.abstractEval(in);
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return java.util.Collections.singletonList(WindowRules.sumTranspose(this, cts.getFirst(), operands.getFirst().type()));
    }
}
