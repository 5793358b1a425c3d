package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code reduce_sum}: the sum over {@code axes} (sorted, non-negative). Floats accumulate in double
 * in the reference evaluation; integers wrap at the dtype's width.
 *
 * @param axes the reduced axes
 */
public record ReduceSum(Ints axes) implements ReductionPrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "reduce_sum"; }

    @Override
    public List<Param> params() { return List.of(new Param("axes", axes), new Param("out_sharding", null)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return Folds.monoidType(name(), in, axes, DTypeRule.NUMBER);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        int[] target = Reductions.outputIndex(x.type().shape(), axes);
        int n = t.size();
        Object data = Storage.allocate(t.dtype(), n);
        if (t.dtype().isFloating()) {
            double[] acc = new double[n];
            for (int i = 0; i < target.length; i++) acc[target[i]] += x.getDouble(i);
            for (int i = 0; i < n; i++) Storage.setDouble(t.dtype(), data, i, acc[i]);
        } else {
            long[] acc = new long[n];
            boolean bool = t.dtype() == dev.jaxvm.DType.BOOL;
            for (int i = 0; i < target.length; i++) acc[target[i]] = bool ? acc[target[i]] | x.getLong(i) : acc[target[i]] + x.getLong(i);
            for (int i = 0; i < n; i++) Storage.setLong(t.dtype(), data, i, acc[i]);
        }
        return List.of(DenseArray.wrap(t, data));
    }

    /** Reduces the shifted axes; the batch axis stays, moved left by the reduced axes before it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        int d = dims.get(0);
        int[] phys = BatchRules.physical(axes, d);
        return Batched.of(Lax.reduceSum(args.getFirst(), phys), BatchRules.afterRemoving(d, phys));
    }

    /** A sum reduction over {@code axes}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(ScalarOp.ADD, axes); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        ArrayType x = operands.getFirst().type();
        int[] dims = new int[x.rank() - axes.size()];
        for (int i = 0, j = 0; i < x.rank(); i++) if (!axes.contains(i)) dims[j++] = i;
        return List.of(Lax.broadcastInDim(cts.getFirst(), x.shape().dims(), dims));
    }
}
