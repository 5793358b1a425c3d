package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;

/** Reference evaluation of the scatter family, in update order (so repeated indices all apply). */
final class ScatterEval {
    private ScatterEval() {}

    /** The operand dimensions that update window dimensions map to, in order. */
    static int[] windowOperandDims(ScatterDimensionNumbers dn, int rank) {
        int[] w = new int[rank];
        int n = 0;
        for (int k = 0; k < rank; k++) {
            if (!dn.insertedWindowDims().contains(k) && !dn.operandBatchingDims().contains(k)) w[n++] = k;
        }
        return java.util.Arrays.copyOf(w, n);
    }

    static DenseArray run(ScatterPrimitive p, DenseArray x, DenseArray idx, DenseArray u, ArrayType t) {
        ScatterDimensionNumbers dn = p.dimensionNumbers();
        int[] xd = x.type().shape().dims(), xs = x.type().shape().strides();
        int[] ud = u.type().shape().dims();
        int[] id = idx.type().shape().dims(), is = idx.type().shape().strides();
        int[] window = windowOperandDims(dn, xd.length);
        int[] wsize = new int[xd.length];
        java.util.Arrays.fill(wsize, 1);
        for (int j = 0; j < window.length; j++) wsize[window[j]] = ud[dn.updateWindowDims().get(j)];
        Object dst = Storage.copy(x.buffer());
        int[] o = new int[ud.length];
        int[] start = new int[xd.length];
        int vecStride = is[id.length - 1];
        boolean[] isWindow = new boolean[ud.length];
        for (int k : dn.updateWindowDims().values()) isWindow[k] = true;
        int[] uwd = dn.updateWindowDims().values(), sdod = dn.scatterDimsToOperandDims().values();
        int[] batch = new int[Math.max(0, id.length - 1)];
        for (int i = 0; i < u.size(); i++) {
            IndexMaps.unravel(i, ud, o);
            int ibase = 0;
            for (int k = 0, b = 0; k < ud.length; k++) {
                if (!isWindow[k]) {
                    batch[b] = o[k];
                    ibase += o[k] * is[b++];
                }
            }
            java.util.Arrays.fill(start, 0);
            boolean oob = false;
            for (int v = 0; v < sdod.length; v++) {
                int d = sdod[v];
                long s = idx.getLong(ibase + v * vecStride);
                int hi = xd[d] - wsize[d];
                if (s < 0 || s > hi) oob = true;
                start[d] = p.mode() == GatherScatterMode.CLIP ? (int) Math.max(0, Math.min(s, hi)) : (int) s;
            }
            for (int v = 0; v < dn.operandBatchingDims().size(); v++) {
                start[dn.operandBatchingDims().get(v)] = batch[dn.scatterIndicesBatchingDims().get(v)];
            }
            if (oob && p.mode() != GatherScatterMode.CLIP) continue;
            int di = 0;
            for (int k = 0; k < xd.length; k++) di += start[k] * xs[k];
            for (int j = 0; j < window.length; j++) di += o[uwd[j]] * xs[window[j]];
            combine(p.combiner(), t.dtype(), dst, di, u, i);
        }
        return DenseArray.wrap(t, dst);
    }

    private static void combine(ScalarOp op, DType t, Object dst, int di, DenseArray u, int ui) {
        if (op == ScalarOp.COPY) {
            Storage.copyElement(u.buffer(), ui, dst, di);
        } else if (t.isFloating()) {
            double r = op.applyDouble(Storage.getDouble(t, dst, di), u.getDouble(ui));
            Storage.setDouble(t, dst, di, r);
        } else {
            long r = op.applyLong(t, Storage.getLong(t, dst, di), u.getLong(ui));
            Storage.setLong(t, dst, di, r);
        }
    }
}
