package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.ArrayList;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import java.util.List;

/**
 * {@code unstack}: splits an array into its slices along {@code axis}, removing that axis (one
 * output per slice; JAX 0.10.1+). The transpose of {@code stack}.
 *
 * @param axis the axis to split along, non-negative
 */
public record Unstack(int axis) implements ShapePrimitive, Linear, Batchable, Lowerable {
    @Override
    public String name() { return "unstack"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (axis < 0 || axis >= x.rank()) {
            throw new IllegalArgumentException("unstack: axis " + axis + " out of range for operand of shape " + x.shape());
        }
        int[] d = x.shape().dims();
        int[] out = new int[d.length - 1];
        for (int i = 0, j = 0; i < d.length; i++) if (i != axis) out[j++] = d[i];
        ArrayType t = x.withShape(new Shape(out));
        return java.util.Collections.nCopies(d[axis], t);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] d = x.type().shape().dims();
        int inner = 1;
        for (int k = axis + 1; k < d.length; k++) inner *= d[k];
        int outer = 1;
        for (int k = 0; k < axis; k++) outer *= d[k];
        int m = d[axis];
        List<DenseArray> res = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            ArrayType t = out.get(j);
            Object dst = Storage.allocate(t.dtype(), t.size());
            for (int o = 0; o < outer; o++) System.arraycopy(x.buffer(), (o * m + j) * inner, dst, o * inner, inner);
            res.add(DenseArray.wrap(t, dst));
        }
        return res;
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Lax.stack(cts, axis)); // zero cotangents were instantiated by the backward pass
    }

    /** The batch axis stays in every output, moved left when the unstacked axis was before it. */
    @Override
    public Batched batch(List<Array> args, dev.jaxvm.core.Ints dims) {
        return BatchRules.reduce(args, dims, dev.jaxvm.core.Ints.of(axis), a -> new Unstack(a.get(0)));
    }

    /** One squeezed slice per output, fused into each output's consumers. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return Decompositions.unstack(axis, in, out); }
}
