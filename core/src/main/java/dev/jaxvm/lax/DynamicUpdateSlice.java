package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code dynamic_update_slice}: the operand with {@code update} written at run-time start indices
 * (one scalar integer operand per dimension after operand and update), clamped so that the update
 * fits.
 */
public record DynamicUpdateSlice() implements IndexingPrimitive, Batchable, Differentiable, Transposable,
        Lowerable {
    @Override
    public String name() { return "dynamic_update_slice"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() < 2) throw new IllegalArgumentException("dynamic_update_slice takes an operand, an update and indices");
        ArrayType x = in.get(0), u = in.get(1);
        if (x.dtype() != u.dtype()) {
            throw new IllegalArgumentException("lax.dynamic_update_slice requires arguments to have the same dtypes, got "
                    + x.dtype() + ", " + u.dtype() + ".");
        }
        if (u.rank() != x.rank()) {
            throw new IllegalArgumentException("dynamic_update_slice update must have the same rank as operand, got update"
                    + " shape " + u.shape() + " for operand shape " + x.shape() + ".");
        }
        for (int k = 0; k < x.rank(); k++) {
            if (u.shape().dim(k) > x.shape().dim(k)) {
                throw new IllegalArgumentException("dynamic_update_slice update shape must be smaller than operand shape,"
                        + " got update shape " + u.shape() + " for operand shape " + x.shape() + ".");
            }
        }
        DynamicSlice.checkStarts(name(), x, in.subList(2, in.size()));
        return List.of(x);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.get(0), u = in.get(1);
        int[] xd = x.type().shape().dims();
        int[] ud = u.type().shape().dims();
        int[] start = DynamicSlice.clampedStarts(in.subList(1, in.size()), xd, ud);
        int[] xs = x.type().shape().strides();
        Object dst = Storage.copy(x.buffer());
        int[] idx = new int[ud.length];
        for (int i = 0; i < u.size(); i++) {
            IndexMaps.unravel(i, ud, idx);
            int d = 0;
            for (int k = 0; k < ud.length; k++) d += (start[k] + idx[k]) * xs[k];
            Storage.copyElement(u.buffer(), i, dst, d);
        }
        return List.of(DenseArray.wrap(out.getFirst(), dst));
    }

    /**
     * An index map: inside the (clamped, run-time) window the update's element, elsewhere the operand's;
     * fused into its consumers like any movement op.
     */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] xd = in.get(0).shape().dims(), ud = in.get(1).shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            Expr inside = null;
            List<Ix> src = new java.util.ArrayList<>(idx.size());
            for (int k = 0; k < idx.size(); k++) {
                if (ud[k] == 0) return x.read(0, idx);
                Ix start = Ix.dynamic(x.read(k + 2, List.of()), 0, xd[k] - ud[k]);
                Ix rel = Ix.add(idx.get(k), Ix.mul(start, -1));
                src.add(Ix.clamp(rel, 0, ud[k] - 1));
                if (ud[k] == xd[k]) continue;
                Expr r = new Expr.Index(rel, DType.INT32);
                Expr ok = Expr.lane(ScalarOp.AND,
                        Expr.lane(ScalarOp.GE, r, new Expr.Const(DType.INT32, 0, 0)),
                        Expr.lane(ScalarOp.LT, r, new Expr.Const(DType.INT32, ud[k], ud[k])));
                inside = inside == null ? ok : Expr.lane(ScalarOp.AND, inside, ok);
            }
            Expr update = x.read(1, src);
            return inside == null ? update : new Expr.Select(inside, List.of(x.read(0, idx), update));
        });
    }

    /** Fixed starts: one more updated dimension; batched starts: a scatter. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return IndexBatchRules.dynamicUpdateSlice(args, dims); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array[] args = primals.toArray(Array[]::new);
        Array out = Trace.bind1(this, args);
        Array gOp = tangents.get(0), gUp = tangents.get(1);
        if (gOp == null && gUp == null) return Jvp.of(out, null);
        args[0] = gOp != null ? gOp : Tangents.zeros(Tangents.tangentType(primals.get(0).type()));
        args[1] = gUp != null ? gUp : Tangents.zeros(Tangents.tangentType(primals.get(1).type()));
        return Jvp.of(out, Trace.bind1(this, args));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array t = cts.getFirst();
        List<Array> starts = new java.util.ArrayList<>();
        for (int i = 2; i < operands.size(); i++) starts.add(operands.get(i).value());
        dev.jaxvm.core.ArrayType up = operands.get(1).type();
        List<Array> out = new java.util.ArrayList<>();
        out.add(operands.get(0).isLinear()
                ? Lax.dynamicUpdateSlice(t, Tangents.zeros(t.type().withShape(up.shape())), starts) : null);
        out.add(operands.get(1).isLinear() ? Lax.dynamicSlice(t, starts, up.shape().dims()) : null);
        for (int i = 2; i < operands.size(); i++) out.add(null);
        return out;
    }
}
