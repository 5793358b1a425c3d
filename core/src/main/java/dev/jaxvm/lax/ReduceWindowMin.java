package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code reduce_window_min}: the minimum of each window; padding and dilation holes contribute +inf (the dtype's maximum for integers).
 *
 * @param baseDilation the operand dilation (holes between operand elements)
 * @param padding the (low, high) padding of each dimension, applied after base dilation
 * @param windowDilation the window dilation
 * @param windowDimensions the window size of each dimension
 * @param windowStrides the window stride of each dimension
 */
public record ReduceWindowMin(Ints baseDilation, Pads padding, Ints windowDilation, Ints windowDimensions,
        Ints windowStrides) implements ReduceWindow, Differentiable {
    @Override
    public String name() { return "reduce_window_min"; }

    @Override
    public WindowReduce.Monoid monoid() { return WindowReduce.Monoid.MIN; }

    @Override
    public ReduceWindowMin with(Ints baseDilation, Pads padding, Ints windowDilation, Ints windowDimensions, Ints windowStrides) {
        return new ReduceWindowMin(baseDilation, padding, windowDilation, windowDimensions, windowStrides);
    }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array x = primals.getFirst();
        Array out = dev.jaxvm.core.Trace.bind1(this, x);
        Array t = tangents.getFirst();
        return Jvp.of(out, t == null ? null : WindowRules.chooserJvp(SelectAndScatterAdd.Select.LE, t, x, windowDimensions,
                windowStrides, padding, baseDilation, windowDilation));
    }
}
