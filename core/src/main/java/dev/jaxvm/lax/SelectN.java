package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code select_n}: elementwise choice among cases by a predicate; a bool predicate picks case 0
 * when false and case 1 when true, an int32 predicate picks case {@code p}. Note: false case first.
 */
public record SelectN() implements ShapePrimitive, Batchable {
    @Override
    public String name() { return "select_n"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() < 2) throw new IllegalArgumentException("select_n requires at least one case");
        ArrayType p = in.getFirst();
        if (p.dtype() != DType.BOOL && p.dtype() != DType.INT32) {
            throw new IllegalArgumentException("select_n predicate must be bool or int32, got " + p.dtype());
        }
        ArrayType c = in.get(1);
        boolean weak = true;
        for (int i = 1; i < in.size(); i++) {
            ArrayType t = in.get(i);
            if (!t.shape().equals(c.shape()) || t.dtype() != c.dtype()) {
                throw new IllegalArgumentException("select_n cases must have the same shapes and dtypes, got "
                        + c.toLongString() + " and " + t.toLongString() + ".");
            }
            weak &= t.weakType();
        }
        if (p.rank() != 0 && !p.shape().equals(c.shape())) {
            throw new IllegalArgumentException("select_n predicate must be a scalar or have the same shape as cases,"
                    + " got predicate shape " + p.shape() + " and case shape " + c.shape() + ".");
        }
        return List.of(c.withWeakType(weak));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        ArrayType t = out.getFirst();
        DenseArray p = in.getFirst();
        Object dst = Storage.allocate(t.dtype(), t.size());
        int last = in.size() - 2;
        for (int i = 0; i < t.size(); i++) {
            long k = p.getLong(p.type().rank() == 0 ? 0 : i);
            int which = (int) Math.max(0, Math.min(last, k));
            Storage.copyElement(in.get(1 + which).buffer(), i, dst, i);
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    /** Cases batch-first (broadcast where unbatched); the predicate stays a scalar or is broadcast likewise. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.scalarOrFull(this, args, dims, i -> i == 0); }
}
