package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
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
public record DynamicUpdateSlice() implements IndexingPrimitive, Batchable, Differentiable, Transposable {
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
