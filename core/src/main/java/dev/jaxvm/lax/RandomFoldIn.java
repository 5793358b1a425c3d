package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import java.util.Arrays;
import java.util.List;

/**
 * {@code random_fold_in}: new keys mixing uint32 messages into keys, the two broadcast together
 * (NumPy rules), as JAX's {@code random_fold_in_p}: the threefry2x32 block of counter
 * {@code (0, msg)} in both modes. No derivative; batches; lowers to {@link KeyLowering}'s program.
 */
public record RandomFoldIn() implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_fold_in"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("random_fold_in takes keys and msgs, got " + in.size());
        Shape keys = KeyTypes.keys("random_fold_in", in.get(0));
        if (in.get(1).dtype() != DType.UINT32 || in.get(1).isExtended()) {
            throw new IllegalArgumentException("random_fold_in: msgs must be uint32, got " + in.get(1).toLongString());
        }
        return List.of(KeyTypes.keyType(KeyTypes.broadcast("random_fold_in", keys, in.get(1).shape())));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        int[] k = (int[]) in.get(0).buffer();
        int[] m = (int[]) in.get(1).buffer();
        Shape o = out.getFirst().logicalShape();
        int[] ki = KeyTypes.broadcastIndex(in.get(0).type().logicalShape(), o);
        int[] mi = KeyTypes.broadcastIndex(in.get(1).type().shape(), o);
        int[] r = new int[2 * o.size()];
        for (int i = 0; i < ki.length; i++) KeyEval.foldIn(k[2 * ki[i]], k[2 * ki[i] + 1], m[mi[i]], r, 2 * i);
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        Shape o = out.getFirst().logicalShape();
        return new Lowering.Call(KeyLowering.program(in, xs -> KeyLowering.foldIn(xs.get(0), xs.get(1), o)));
    }

    /**
     * Batched operands get their batch axis first; the other operand is padded with size-1 axes
     * (a rank-0 one stays a scalar), so that NumPy broadcasting pairs example with example.
     */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        int r = Math.max(rank(args.get(0), dims.get(0), 1), rank(args.get(1), dims.get(1), 0));
        Array k = align(args.get(0), dims.get(0), r, true);
        Array m = align(args.get(1), dims.get(1), r, false);
        return Batched.of(Trace.bind1(this, k, m), 0);
    }

    private static int rank(Array x, int dim, int words) { return x.ndim() - words - (dim == NOT_MAPPED ? 0 : 1); }

    private static Array align(Array x, int dim, int r, boolean keys) {
        int words = keys ? 1 : 0;
        int xr = rank(x, dim, words);
        if (dim == NOT_MAPPED && xr == 0) return x;
        Array y = dim == NOT_MAPPED ? x : BatchRules.moveAxis(x, dim, 0);
        int[] s = y.shape();
        int lead = dim == NOT_MAPPED ? 1 : s[0];
        int from = dim == NOT_MAPPED ? 0 : 1;
        int[] d = new int[1 + r + words];
        Arrays.fill(d, 1);
        d[0] = lead;
        System.arraycopy(s, from, d, 1 + r - xr, s.length - from);
        return Lax.reshape(y, d);
    }
}
