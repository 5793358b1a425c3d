package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code select_and_gather_add}: the JVP helper of max (min) pooling. Operands {@code (tangents,
 * operand)} of equal shapes: for each window of {@code operand} (as {@code reduce_window_max} slides
 * it), the tangent at the element that wins {@code selectPrim} (0 where padding wins). The result
 * has the window-reduced shape and the tangents' dtype.
 *
 * @param baseDilation the operand dilation
 * @param padding the (low, high) padding of each dimension
 * @param selectPrim {@code ge} for max pooling, {@code le} for min pooling
 * @param windowDilation the window dilation
 * @param windowDimensions the window size of each dimension
 * @param windowStrides the window stride of each dimension
 */
public record SelectAndGatherAdd(Ints baseDilation, Pads padding, SelectAndScatterAdd.Select selectPrim,
        Ints windowDilation, Ints windowDimensions, Ints windowStrides) implements WindowPrimitive, Differentiable, Transposable, Batchable, Lowerable {
    @Override
    public String name() { return "select_and_gather_add"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) {
            throw new IllegalArgumentException("select_and_gather_add takes (tangents, operand), got " + in.size() + " operands");
        }
        ArrayType t = in.get(0);
        ArrayType x = in.get(1);
        if (!t.shape().equals(x.shape())) {
            throw new IllegalArgumentException("select_and_gather_add tangents and operand shapes must match, got "
                    + t.shape() + " and " + x.shape() + ".");
        }
        ArrayType w = WindowReduce.shape(name(), x, windowDimensions, windowStrides, padding, baseDilation, windowDilation);
        return List.of(new ArrayType(w.shape(), t.dtype(), t.weakType()));
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
            throw new IllegalArgumentException("select_and_gather_add is linear in its tangents only, not in the operand");
        }
        return java.util.Arrays.asList(WindowRules.gatherTranspose(this, cts.getFirst(), operands.get(1).value()), null);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** Small windows: a fused index map ({@link WindowSelectLowering}); else the selection split over the compiler's pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        Lowering fused = WindowSelectLowering.gather(this, in);
        if (fused != null) return fused;
        return new Lowering.Library(new RangesKernel(name() + "[window=" + windowDimensions + " strides=" + windowStrides + "]",
                this::evaluate));
    }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DenseArray t = in.get(0);
        ArrayType o = out.getFirst();
        int[] sel = WindowSelect.select(in.get(1), o.shape(), selectPrim, windowDimensions, windowStrides, padding,
                baseDilation, windowDilation, ranges);
        Object dst = Storage.allocate(o.dtype(), o.size());
        for (int i = 0; i < sel.length; i++) {
            if (sel[i] >= 0) Storage.copyElement(t.buffer(), sel[i], dst, i);
        }
        return List.of(DenseArray.wrap(o, dst));
    }

    /** Both operands batch-first, with a unit window there. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return WindowBatchRules.pairAtFront(new SelectAndGatherAdd(WindowBatchRules.insert(baseDilation, 0, 1), WindowBatchRules.insert(padding, 0), selectPrim,
                WindowBatchRules.insert(windowDilation, 0, 1), WindowBatchRules.insert(windowDimensions, 0, 1), WindowBatchRules.insert(windowStrides, 0, 1)), args, dims); }
}
