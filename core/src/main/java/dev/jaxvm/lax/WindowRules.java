package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;

/**
 * Derivative rules of the window reductions (JAX's {@code windowed_reductions.py}): max and min
 * pooling differentiate through {@code select_and_gather_add}, whose transpose is
 * {@code select_and_scatter_add} and vice versa.
 */
final class WindowRules {
    private WindowRules() {}

    /** The tangent of {@code reduce_window_max}/{@code _min} of {@code operand} given its tangent {@code t}. */
    static Array chooserJvp(SelectAndScatterAdd.Select select, Array t, Array operand, Ints windowDimensions,
            Ints windowStrides, Pads padding, Ints baseDilation, Ints windowDilation) {
        return Trace.bind1(new SelectAndGatherAdd(baseDilation, padding, select, windowDilation, windowDimensions,
                windowStrides), t, operand);
    }

    /**
     * The transpose of {@code reduce_window_sum} (JAX's {@code _reduce_window_sum_transpose_rule}): the
     * cotangent padded with zeros (interior padding by the strides), then summed over windows again
     * with the base dilation as strides.
     */
    static Array sumTranspose(ReduceWindowSum p, Array ct, dev.jaxvm.core.ArrayType operandType) {
        int r = operandType.rank();
        int[] in = operandType.shape().dims();
        java.util.List<Pad.Dim> config = new java.util.ArrayList<>();
        for (int d = 0; d < r; d++) {
            int lhsDil = WindowShapes.dilate(in[d], p.baseDilation().get(d));
            int rhsDil = WindowShapes.dilate(p.windowDimensions().get(d), p.windowDilation().get(d));
            int outDil = WindowShapes.dilate(ct.shape()[d], p.windowStrides().get(d));
            int lo = rhsDil - p.padding().lo(d) - 1;
            int hi = lhsDil + rhsDil - 1 - outDil - lo;
            // JAX computes lo and hi with NumPy: they print as np.int64(...)
            config.add(new Pad.Dim(PyInt.numpy(lo), PyInt.numpy(hi), PyInt.of(p.windowStrides().get(d) - 1)));
        }
        Array padded = Trace.bind1(new Pad(config), ct, dev.jaxvm.core.DenseArray.scalar(ct.dtype(), false, 0));
        Ints ones = WindowShapes.ones(r);
        return Trace.bind1(new ReduceWindowSum(ones, Pads.zeros(r), p.windowDilation(), p.windowDimensions(),
                p.baseDilation()), padded);
    }

    /** The transpose of {@code select_and_gather_add} with respect to its tangents. */
    static Array gatherTranspose(SelectAndGatherAdd p, Array ct, Array operand) {
        Ints ones = WindowShapes.ones(operand.ndim());
        if (!p.baseDilation().equals(ones) || !p.windowDilation().equals(ones)) {
            throw new UnsupportedOperationException("VJP not implemented for select_and_gather (MaxPool) with window"
                    + " dilation, got window_dilation=" + p.windowDilation() + " and base_dilation=" + p.baseDilation() + ".");
        }
        return Trace.bind1(new SelectAndScatterAdd(p.padding(), p.selectPrim(), p.windowDimensions(), p.windowStrides()),
                ct, operand);
    }

    /** The transpose of {@code select_and_scatter_add} with respect to its source. */
    static Array scatterTranspose(SelectAndScatterAdd p, Array ct, Array operand) {
        Ints ones = WindowShapes.ones(operand.ndim());
        return Trace.bind1(new SelectAndGatherAdd(ones, p.padding(), p.selectPrim(), ones, p.windowDimensions(),
                p.windowStrides()), ct, operand);
    }
}
