package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code select_n}: elementwise choice among cases by a predicate; a bool predicate picks case 0
 * when false and case 1 when true, an int32 predicate picks case {@code p}. Note: false case first.
 */
public record SelectN() implements ShapePrimitive, Batchable, Differentiable, Transposable, Lowerable {
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

    /** A select among the cases read at the output index (the predicate broadcast when 0-d). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        boolean scalar = in.getFirst().rank() == 0;
        return new Lowering.IndexMap((idx, x) -> {
            List<Expr> cases = new ArrayList<>(x.count() - 1);
            for (int j = 1; j < x.count(); j++) cases.add(x.read(j, idx));
            return new Expr.Select(x.read(0, scalar ? List.of() : idx), cases);
        });
    }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Trace.bind1(this, primals.toArray(Array[]::new));
        Array first = null;
        for (int i = 1; i < tangents.size(); i++) if (first == null) first = tangents.get(i);
        if (first == null) return Jvp.of(out, null);
        Array zeros = Tangents.fullLike(first, 0); // computed even when unused, as JAX's _select_jvp does
        Array[] ts = new Array[primals.size()];
        ts[0] = primals.getFirst();
        for (int i = 1; i < ts.length; i++) {
            ts[i] = tangents.get(i) != null ? tangents.get(i) : zeros;
        }
        return Jvp.of(out, Trace.bind1(this, ts));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        if (operands.getFirst().isLinear()) throw new IllegalArgumentException("select_n can't be transposed with respect to its predicate");
        Array which = operands.getFirst().value();
        Array ct = cts.getFirst();
        Array zeros = Tangents.fullLike(ct, 0);
        List<Array> out = new java.util.ArrayList<>();
        out.add(null);
        boolean bool = which.dtype() == DType.BOOL;
        for (int i = 1; i < operands.size(); i++) {
            if (!operands.get(i).isLinear()) out.add(null);
            else if (bool) out.add(i == 1 ? Lax.select(which, zeros, ct) : Lax.select(which, ct, zeros));
            else out.add(Lax.select(Lax.eq(which, DenseArray.scalarLong(which.dtype(), false, i - 1)), ct, zeros));
        }
        return out;
    }
}
