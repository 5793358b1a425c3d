package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stack}: joins equally-shaped operands along a new axis (JAX 0.10.1+).
 *
 * @param axis where the new axis goes, non-negative
 */
public record Stack(int axis) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "stack"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.isEmpty()) throw new IllegalArgumentException("stack requires at least one operand");
        ArrayType first = in.getFirst();
        boolean weak = true;
        for (int i = 0; i < in.size(); i++) {
            ArrayType t = in.get(i);
            if (!t.shape().equals(first.shape()) || t.dtype() != first.dtype()) {
                throw new IllegalArgumentException("stack: all operands must have the same shape and dtype, got "
                        + first.toLongString() + " and " + t.toLongString() + " (operand " + i + ")");
            }
            weak &= t.weakType();
        }
        if (axis < 0 || axis > first.rank()) {
            throw new IllegalArgumentException("stack: axis " + axis + " out of range for operands of rank " + first.rank());
        }
        int[] d = first.shape().dims();
        int[] out = new int[d.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == axis ? in.size() : d[j++];
        // stacking key arrays (below their key words) gives a key array
        boolean keys = first.isExtended() && axis < first.rank() && in.stream().allMatch(t -> t.extended() == first.extended());
        return List.of(new ArrayType(new Shape(out), first.dtype(), weak, keys ? first.extended() : null));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        ArrayType t = out.getFirst();
        int[] d = in.getFirst().type().shape().dims();
        int inner = 1;
        for (int k = axis; k < d.length; k++) inner *= d[k];
        int outer = in.getFirst().size() / Math.max(inner, 1);
        Object dst = Storage.allocate(t.dtype(), t.size());
        int m = in.size();
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                Object src = in.get(j).buffer();
                System.arraycopy(src, o * inner, dst, (o * m + j) * inner, inner);
            }
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    /** All operands get the batch axis first (broadcast where unbatched); stacking goes one axis later. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        int size = BatchRules.axisSize(args, dims);
        java.util.List<Array> in = new java.util.ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) in.add(BatchRules.toFront(args.get(i), dims.get(i), size));
        return Batched.of(Lax.stack(in, axis + 1), 0);
    }

    /** Selects operand {@code index[axis]}, read at the index without that axis. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(idx);
            src.remove(axis);
            List<Expr> cases = new ArrayList<>(x.count());
            for (int j = 0; j < x.count(); j++) cases.add(x.read(j, src));
            return cases.size() == 1 ? cases.getFirst()
                    : new Expr.Select(new Expr.Index(idx.get(axis), dev.jaxvm.DType.INT32), cases);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) { return Lax.unstack(cts.getFirst(), axis); }
}
