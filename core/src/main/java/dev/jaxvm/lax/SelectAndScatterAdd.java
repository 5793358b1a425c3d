package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code select_and_scatter_add}: the gradient of max (or min) pooling. Operands {@code (source,
 * operand)}: for each window of {@code operand} (as {@code reduce_window_max} slides it), the first
 * element that wins {@code selectPrim} receives that window's {@code source} value; the result has
 * the operand's shape and the source's dtype. Padding takes part in the selection with the
 * reduction's identity ({@code -inf} for {@code ge}) and receives nothing, as on XLA's CPU.
 *
 * @param padding the (low, high) padding of each dimension
 * @param selectPrim {@code ge} for max pooling, {@code le} for min pooling
 * @param windowDimensions the window size of each dimension
 * @param windowStrides the window stride of each dimension
 */
public record SelectAndScatterAdd(Pads padding, Select selectPrim, Ints windowDimensions, Ints windowStrides)
        implements WindowPrimitive, Differentiable, Transposable, Batchable, Lowerable {

    /** The comparison that picks the selected element of a window; prints as JAX's primitive name. */
    public enum Select {
        /** Keep the current choice when it is {@code >=} the candidate (max pooling). */
        GE,
        /** Keep the current choice when it is {@code <=} the candidate (min pooling). */
        LE;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    @Override
    public String name() { return "select_and_scatter_add"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("select_and_scatter_add takes (source, operand), got "
                + in.size() + " operands");
        ArrayType source = in.get(0);
        ArrayType operand = in.get(1);
        int r = operand.rank();
        if (windowStrides.size() != windowDimensions.size()) {
            throw new IllegalArgumentException("select_and_scatter got inconsistent window_strides and window_dimensions:"
                    + " got window_strides " + windowStrides + " and window_dimensions " + windowDimensions + ".");
        }
        Ints ones = WindowShapes.ones(r);
        ArrayType windows = WindowReduce.shape(name(), operand, windowDimensions, windowStrides, padding, ones, ones);
        if (!windows.shape().equals(source.shape())) {
            throw new IllegalArgumentException("select_and_scatter_add: source shape " + source.shape()
                    + " must be the window-reduced operand shape " + windows.shape() + " (operand " + operand.shape() + ")");
        }
        return List.of(new ArrayType(operand.shape(), source.dtype(), source.weakType()));
    }

    @Override
    public Jvp jvp(List<dev.jaxvm.Array> primals, List<dev.jaxvm.Array> tangents) {
        dev.jaxvm.Array out = dev.jaxvm.core.Trace.bind1(this, primals.get(0), primals.get(1));
        dev.jaxvm.Array t = tangents.get(0);
        return Jvp.of(out, t == null ? null : dev.jaxvm.core.Trace.bind1(this, t, primals.get(1)));
    }

    @Override
    public List<dev.jaxvm.Array> transpose(List<dev.jaxvm.Array> cts, List<Operand> operands) {
        if (operands.get(1).isLinear()) {
            throw new IllegalArgumentException("select_and_scatter_add is linear in its source only, not in the operand");
        }
        return java.util.Arrays.asList(WindowRules.scatterTranspose(this, cts.getFirst(), operands.get(1).value()), null);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /**
     * Small non-overlapping windows: a fused index map ({@link WindowSelectLowering}); else the selection
     * split over the compiler's pool (the accumulation, in window order, is not).
     */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        Lowering fused = WindowSelectLowering.scatter(this, in);
        if (fused != null) return fused;
        return new Lowering.Library(new RangesKernel(name() + "[window=" + windowDimensions + " strides=" + windowStrides + "]",
                this::evaluate));
    }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DenseArray source = in.get(0);
        DenseArray operand = in.get(1);
        ArrayType t = out.getFirst();
        Shape ss = source.type().shape();
        Ints ones = WindowShapes.ones(ss.rank());
        int[] sel = WindowSelect.select(operand, ss, selectPrim, windowDimensions, windowStrides, padding, ones, ones, ranges);
        DType st = t.dtype();
        boolean sFloat = st.isFloating();
        double[] accD = sFloat ? new double[t.size()] : null;
        long[] accL = sFloat ? null : new long[t.size()];
        for (int i = 0; i < sel.length; i++) {
            if (sel[i] < 0) continue;
            if (sFloat) accD[sel[i]] += source.getDouble(i);
            else if (st == DType.BOOL) accL[sel[i]] |= source.getLong(i);
            else accL[sel[i]] += source.getLong(i);
        }
        Object dst = Storage.allocate(st, t.size());
        for (int i = 0; i < t.size(); i++) {
            if (sFloat) Storage.setDouble(st, dst, i, accD[i]);
            else Storage.setLong(st, dst, i, accL[i]);
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    /** Both operands batch-first, with a unit window there. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return WindowBatchRules.pairAtFront(new SelectAndScatterAdd(WindowBatchRules.insert(padding, 0), selectPrim,
                WindowBatchRules.insert(windowDimensions, 0, 1), WindowBatchRules.insert(windowStrides, 0, 1)), args, dims); }
}
