package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code concatenate}: joins operands of equal dtype along an existing dimension; the other
 * dimensions must agree.
 *
 * @param dimension the non-negative axis to join along
 */
public record Concatenate(int dimension) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "concatenate"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.isEmpty()) throw new IllegalArgumentException("concatenate requires a non-empty sequences of arrays");
        ArrayType first = in.getFirst();
        StringJoiner shapes = new StringJoiner(", ");
        StringJoiner dtypes = new StringJoiner(", ");
        boolean sameDtype = true, weak = true;
        for (ArrayType t : in) {
            shapes.add(t.shape().toString());
            dtypes.add(t.dtype().toString());
            sameDtype &= t.dtype() == first.dtype();
            weak &= t.weakType();
        }
        if (!sameDtype) {
            throw new IllegalArgumentException("lax.concatenate requires arguments to have the same dtypes, got " + dtypes
                    + ". (Tip: jnp.concatenate is a similar function that does automatic type promotion on inputs).");
        }
        int r = first.rank();
        if (dimension < 0 || dimension >= r) {
            throw new IllegalArgumentException("concatenate dimension out of bounds: dimension " + dimension
                    + " for shapes " + shapes + ".");
        }
        int total = 0;
        for (ArrayType t : in) {
            boolean ok = t.rank() == r;
            for (int k = 0; ok && k < r; k++) ok = k == dimension || t.shape().dim(k) == first.shape().dim(k);
            if (!ok) {
                throw new IllegalArgumentException("Cannot concatenate arrays with shapes that differ in dimensions other"
                        + " than the one being concatenated: concatenating along dimension " + dimension + " for shapes "
                        + shapes + ".");
            }
            total += t.shape().dim(dimension);
        }
        int[] d = first.shape().dims();
        d[dimension] = total;
        // concatenating key arrays (below their key words) gives a key array
        boolean keys = first.isExtended() && dimension < r - 1 && in.stream().allMatch(t -> t.extended() == first.extended());
        return List.of(new ArrayType(new Shape(d), first.dtype(), weak, keys ? first.extended() : null));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        ArrayType t = out.getFirst();
        int[] od = t.shape().dims();
        int inner = 1;
        for (int k = dimension + 1; k < od.length; k++) inner *= od[k];
        int outer = 1;
        for (int k = 0; k < dimension; k++) outer *= od[k];
        Object dst = Storage.allocate(t.dtype(), t.size());
        int row = od[dimension] * inner;
        int offset = 0;
        for (DenseArray a : in) {
            int chunk = a.type().shape().dim(dimension) * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(a.buffer(), o * chunk, dst, o * row + offset, chunk);
            offset += chunk;
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    /** All operands batch-first; joining one axis later. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.frontAlongAxis(args, dims, dimension, Concatenate::new); }

    /** A select among the operands by the position along {@code dimension}, each read at a clamped index. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.IndexMap((idx, x) -> {
            List<Expr> cases = new ArrayList<>();
            Expr which = null;
            int offset = 0;
            for (int k = 0; k < x.count(); k++) {
                int size = x.type(k).shape().dim(dimension);
                if (size == 0) continue;
                if (!cases.isEmpty()) {
                    Expr past = Expr.convert(Expr.lane(ScalarOp.GE, new Expr.Index(idx.get(dimension), DType.INT32),
                            new Expr.Const(DType.INT32, offset, offset)), DType.INT32);
                    which = which == null ? past : Expr.lane(ScalarOp.ADD, which, past);
                }
                List<Ix> src = new ArrayList<>(idx);
                src.set(dimension, Ix.clamp(Ix.add(idx.get(dimension), Ix.of(-offset)), 0, size - 1));
                cases.add(x.read(k, src));
                offset += size;
            }
            if (cases.isEmpty()) return new Expr.Const(out.getFirst().dtype(), 0, 0);
            return which == null ? cases.getFirst() : new Expr.Select(which, cases);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        int[] sizes = new int[operands.size()];
        for (int i = 0; i < sizes.length; i++) sizes[i] = operands.get(i).type().shape().dim(dimension);
        List<Array> parts = Lax.split(cts.getFirst(), sizes, dimension);
        List<Array> out = new java.util.ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) out.add(operands.get(i).isLinear() ? parts.get(i) : null);
        return out;
    }
}
