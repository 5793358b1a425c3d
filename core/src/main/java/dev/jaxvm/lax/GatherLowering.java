package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gather} as a fusible index map with an indirect index: each output element loads its start
 * indices from the index operand (clamped into the operand, as the reference does), then the operand
 * element; in {@link GatherScatterMode#FILL_OR_DROP} mode an out-of-bounds window selects the fill value.
 */
final class GatherLowering {
    private GatherLowering() {}

    static Lowering lower(Gather g, List<ArrayType> in, List<ArrayType> out) {
        GatherDimensionNumbers dn = g.dimensionNumbers();
        ArrayType x = in.get(0), idx = in.get(1);
        int[] xd = x.shape().dims();
        int outRank = out.getFirst().rank();
        int[] slice = g.sliceSizes().values();
        int[] window = windowDims(dn, xd.length);
        int[] sim = dn.startIndexMap().values();
        int[] obd = dn.operandBatchingDims().values();
        int[] bod = new int[dn.startIndicesBatchingDims().size()];
        for (int v = 0; v < bod.length; v++) bod[v] = batchOutputDim(dn, dn.startIndicesBatchingDims().get(v), outRank);
        DType it = idx.dtype();
        DType cmp = it.bits() > 32 ? DType.INT64 : DType.INT32;
        boolean fill = g.mode() == GatherScatterMode.FILL_OR_DROP;
        Expr fillValue = fill ? fillConst(g, out.getFirst().dtype()) : null;
        return new Lowering.IndexMap((o, ops) -> {
            List<Ix> batch = new ArrayList<>();
            List<Ix> offsets = new ArrayList<>();
            for (int k = 0; k < outRank; k++) (dn.offsetDims().contains(k) ? offsets : batch).add(o.get(k));
            Ix[] start = new Ix[xd.length];
            java.util.Arrays.fill(start, Ix.of(0));
            Expr oob = null;
            for (int v = 0; v < sim.length; v++) {
                int d = sim[v], hi = xd[d] - slice[d];
                List<Ix> at = new ArrayList<>(batch);
                at.add(Ix.of(v));
                Expr s = ops.read(1, at);
                start[d] = Ix.dynamic(s, 0, hi);
                if (fill) {
                    Expr c = Expr.convert(s, cmp);
                    Expr bad = Expr.lane(ScalarOp.OR, Expr.lane(ScalarOp.LT, c, konst(cmp, 0)), Expr.lane(ScalarOp.GT, c, konst(cmp, hi)));
                    oob = oob == null ? bad : Expr.lane(ScalarOp.OR, oob, bad);
                }
            }
            for (int v = 0; v < obd.length; v++) start[obd[v]] = o.get(bod[v]);
            List<Ix> src = new ArrayList<>(xd.length);
            for (int k = 0; k < xd.length; k++) src.add(start[k]);
            for (int w = 0; w < window.length; w++) src.set(window[w], Ix.add(start[window[w]], offsets.get(w)));
            Expr value = ops.read(0, src);
            return oob == null ? value : new Expr.Select(oob, List.of(value, fillValue));
        });
    }

    private static Expr konst(DType t, long v) { return new Expr.Const(t, v, v); }

    /** The fill value of out-of-bounds windows, as the reference evaluation stores it. */
    private static Expr fillConst(Gather g, DType t) {
        if (g.fillValue() == null) {
            return switch (t.kind()) {
                case FLOAT -> new Expr.Const(t, Double.NaN, 0);
                case INT -> konst(t, t.bits() == 64 ? Long.MIN_VALUE : -(1L << (t.bits() - 1)));
                case UINT -> konst(t, t.bits() == 64 ? -1L : (1L << t.bits()) - 1);
                case BOOL, FLOAT0 -> konst(t, 1);
            };
        }
        double v = switch (g.fillValue()) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            default -> throw new IllegalArgumentException("gather: fill_value must be a number or boolean, got " + g.fillValue());
        };
        // stored as the reference stores it: through the dtype's conversion of a double
        Object one = dev.jaxvm.core.Storage.allocate(t, 1);
        dev.jaxvm.core.Storage.setDouble(t, one, 0, v);
        return new Expr.Const(t, dev.jaxvm.core.Storage.getDouble(t, one, 0), dev.jaxvm.core.Storage.getLong(t, one, 0));
    }

    private static int[] windowDims(GatherDimensionNumbers dn, int rank) {
        int[] w = new int[rank];
        int n = 0;
        for (int k = 0; k < rank; k++) {
            if (!dn.collapsedSliceDims().contains(k) && !dn.operandBatchingDims().contains(k)) w[n++] = k;
        }
        return java.util.Arrays.copyOf(w, n);
    }

    private static int batchOutputDim(GatherDimensionNumbers dn, int b, int outRank) {
        for (int k = 0, n = 0; k < outRank; k++) {
            if (!dn.offsetDims().contains(k) && n++ == b) return k;
        }
        throw new IllegalStateException("gather: no output dimension for indices batch dimension " + b);
    }
}
