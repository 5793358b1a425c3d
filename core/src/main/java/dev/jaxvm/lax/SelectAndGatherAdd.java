package dev.jaxvm.lax;

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
        Ints windowDilation, Ints windowDimensions, Ints windowStrides) implements WindowPrimitive {
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
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray t = in.get(0);
        ArrayType o = out.getFirst();
        int[] sel = WindowSelect.select(in.get(1), o.shape(), selectPrim, windowDimensions, windowStrides, padding,
                baseDilation, windowDilation);
        Object dst = Storage.allocate(o.dtype(), o.size());
        for (int i = 0; i < sel.length; i++) {
            if (sel[i] >= 0) Storage.copyElement(t.buffer(), sel[i], dst, i);
        }
        return List.of(DenseArray.wrap(o, dst));
    }
}
