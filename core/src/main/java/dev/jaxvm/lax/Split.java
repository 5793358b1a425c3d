package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
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
 * {@code split}: the inverse of {@code concatenate}, one output per size along {@code axis}.
 *
 * @param axis the non-negative axis to split
 * @param sizes the output sizes along {@code axis}; they must sum to the operand's size there
 */
public record Split(int axis, List<PyInt> sizes) implements ShapePrimitive, Batchable, Linear, Lowerable {
    /** Copies the sizes. */
    public Split {
        sizes = List.copyOf(sizes);
    }

    @Override
    public String name() { return "split"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (axis < 0 || axis >= x.rank()) {
            throw new IllegalArgumentException("split: axis " + axis + " is out of bounds for array of dimension " + x.rank());
        }
        long sum = 0;
        for (PyInt s : sizes) {
            if (s.value() < 0) throw new IllegalArgumentException("split: sizes must be non-negative, got " + sizes);
            sum += s.value();
        }
        if (sum != x.shape().dim(axis)) {
            throw new IllegalArgumentException("Sum of sizes " + sum + " must be equal to dimension " + axis
                    + " of the operand shape " + java.util.Arrays.toString(x.shape().dims()));
        }
        List<ArrayType> out = new ArrayList<>();
        for (PyInt s : sizes) {
            int[] d = x.shape().dims();
            d[axis] = s.value();
            out.add(x.withShape(new Shape(d)));
        }
        return out;
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] xd = x.type().shape().dims();
        int inner = 1;
        for (int k = axis + 1; k < xd.length; k++) inner *= xd[k];
        int outer = 1;
        for (int k = 0; k < axis; k++) outer *= xd[k];
        int row = xd[axis] * inner;
        List<DenseArray> res = new ArrayList<>();
        int offset = 0;
        for (ArrayType t : out) {
            int chunk = t.shape().dim(axis) * inner;
            Object dst = Storage.allocate(t.dtype(), t.size());
            for (int o = 0; o < outer; o++) System.arraycopy(x.buffer(), o * row + offset, dst, o * chunk, chunk);
            offset += chunk;
            res.add(DenseArray.wrap(t, dst));
        }
        return res;
    }

    /** The batch axis stays in every output; the split axis shifts around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.alongAxes(args, dims, Ints.of(axis), a -> new Split(a.get(0), sizes)); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Lax.concatenate(cts, axis)); // zero cotangents were instantiated by the backward pass
    }

    /** One slice per output, fused into each output's consumers. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return Decompositions.split(axis, in, out); }
}
