package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code select_and_gather_add} and (non-overlapping windows) {@code select_and_scatter_add} over
 * small windows as fusible index maps: the reference's sequential selection ("keep the current
 * choice when it is {@code >=} / {@code <=} the candidate"; padding takes part with the identity and
 * selects nothing) unrolled over the window into a chain of selects.
 */
final class WindowSelectLowering {
    private WindowSelectLowering() {}

    /** The selection of one window: the chosen operand value, its window position (-1: padding), and the carried value. */
    private record Choice(Expr value, Expr position, Expr carried) {}

    /** {@code select_and_gather_add}: each window's carried tangent at the selected position, or null if not fusible. */
    static Lowering gather(SelectAndGatherAdd p, List<ArrayType> in) {
        ArrayType x = in.get(1);
        if (!fusible(x, p.windowDimensions())) return null;
        return new Lowering.IndexMap((o, ops) -> {
            Choice c = choose(ops, x, o, p.selectPrim(), p.windowDimensions(), p.windowStrides(), p.padding(), p.baseDilation(),
                    p.windowDilation(), true);
            return c.carried();
        });
    }

    /**
     * {@code select_and_scatter_add} when every operand element lies in at most one window (strides equal
     * to the window, no dilation): the source value of its window where it is the selected element, else 0.
     */
    static Lowering scatter(SelectAndScatterAdd p, List<ArrayType> in) {
        ArrayType source = in.get(0), x = in.get(1);
        Ints wd = p.windowDimensions(), ws = p.windowStrides();
        if (!fusible(x, wd) || !wd.equals(ws)) return null;
        int r = x.rank();
        for (int k = 0; k < r; k++) if (p.padding().lo(k) < 0 || p.padding().hi(k) < 0) return null;
        Ints ones = WindowShapes.ones(r);
        int[] sd = source.shape().dims();
        if (source.size() == 0) return null;
        return new Lowering.IndexMap((idx, ops) -> {
            List<Ix> w = new ArrayList<>(r);
            Expr covered = null;
            List<Ix> offsets = new ArrayList<>(r);
            for (int k = 0; k < r; k++) {
                Ix q = Ix.add(idx.get(k), Ix.of(p.padding().lo(k)));
                Ix wk = Ix.div(q, wd.get(k));
                offsets.add(Ix.rem(q, wd.get(k)));
                w.add(Ix.clamp(wk, 0, Math.max(0, sd[k] - 1)));
                if (wk.max() >= sd[k]) {   // elements past the last window are in none
                    Expr before = Expr.lane(ScalarOp.LT, new Expr.Index(wk, DType.INT32), int32(sd[k]));
                    covered = covered == null ? before : Expr.lane(ScalarOp.AND, covered, before);
                }
            }
            Choice c = choose(ops, x, w, p.selectPrim(), wd, ws, p.padding(), ones, ones, false);
            Expr at = null;   // this element's position in its window, row-major
            for (int k = 0; k < r; k++) {
                Expr e = new Expr.Index(offsets.get(k), DType.INT32);
                at = at == null ? e : Expr.lane(ScalarOp.ADD, Expr.lane(ScalarOp.MUL, at, int32(wd.get(k))), e);
            }
            if (at == null) at = int32(0);
            Expr hit = Expr.lane(ScalarOp.EQ, c.position(), at);
            if (covered != null) hit = Expr.lane(ScalarOp.AND, hit, covered);
            Expr zero = new Expr.Const(source.dtype(), 0, 0);
            return new Expr.Select(hit, List.of(zero, ops.read(0, w)));
        });
    }

    private static boolean fusible(ArrayType x, Ints windowDimensions) {
        int total = 1;
        for (int k = 0; k < windowDimensions.size(); k++) total *= windowDimensions.get(k);
        return total > 0 && total <= WindowDecomposition.MAX_WINDOW && x.dtype() != DType.BOOL && x.size() > 0;
    }

    /** The sequential selection over window {@code o} (one index per dimension), as the reference. */
    private static Choice choose(Lowering.Operands ops, ArrayType x, List<Ix> o, SelectAndScatterAdd.Select prim,
            Ints wd, Ints ws, Pads padding, Ints baseDilation, Ints windowDilation, boolean carry) {
        int r = x.rank();
        int[] xd = x.shape().dims();
        WindowReduce.Monoid m = prim == SelectAndScatterAdd.Select.GE ? WindowReduce.Monoid.MAX : WindowReduce.Monoid.MIN;
        DType t = x.dtype();
        Expr pad = t.isFloating() ? new Expr.Const(t, WindowReduce.identityDouble(m), 0)
                : new Expr.Const(t, 0, WindowReduce.identityLong(m, t));
        Expr carriedZero = carry ? new Expr.Const(ops.type(0).dtype(), 0, 0) : null;
        Choice sel = null;
        int[] e = new int[r];
        int total = 1;
        for (int k = 0; k < r; k++) total *= wd.get(k);
        for (int n = 0; n < total; n++) {
            Expr valid = null;
            List<Ix> src = new ArrayList<>(r);
            for (int k = 0; k < r; k++) {
                int bd = baseDilation.get(k), dil = WindowShapes.dilate(xd[k], bd);
                Ix pos = Ix.add(Ix.mul(o.get(k), ws.get(k)), Ix.of(e[k] * windowDilation.get(k) - padding.lo(k)));
                Expr ok = null;
                if (pos.min() < 0 || pos.max() >= dil) {
                    Expr at = new Expr.Index(pos, DType.INT32);
                    ok = Expr.lane(ScalarOp.AND, Expr.lane(ScalarOp.GE, at, int32(0)), Expr.lane(ScalarOp.LT, at, int32(dil)));
                }
                Ix inside = Ix.clamp(pos, 0, Math.max(0, dil - 1));
                if (bd > 1) {
                    Expr aligned = Expr.lane(ScalarOp.EQ, new Expr.Index(Ix.rem(inside, bd), DType.INT32), int32(0));
                    ok = ok == null ? aligned : Expr.lane(ScalarOp.AND, ok, aligned);
                    inside = Ix.div(inside, bd);
                }
                src.add(inside);
                if (ok != null) valid = valid == null ? ok : Expr.lane(ScalarOp.AND, valid, ok);
            }
            Expr v = ops.read(1, src), carried = carry ? ops.read(0, src) : null;
            Expr position = int32(n);
            if (valid != null) {
                v = new Expr.Select(valid, List.of(pad, v));
                position = new Expr.Select(valid, List.of(int32(-1), position));
                if (carry) carried = new Expr.Select(valid, List.of(carriedZero, carried));
            }
            if (sel == null) {
                sel = new Choice(v, position, carried);
            } else {
                Expr keep = Expr.lane(prim == SelectAndScatterAdd.Select.GE ? ScalarOp.GE : ScalarOp.LE, sel.value(), v);
                sel = new Choice(new Expr.Select(keep, List.of(v, sel.value())),
                        new Expr.Select(keep, List.of(position, sel.position())),
                        carry ? new Expr.Select(keep, List.of(carried, sel.carried())) : null);
            }
            for (int k = r - 1; k >= 0 && ++e[k] == wd.get(k); k--) e[k] = 0;
        }
        if (carry) {   // a window whose choice is padding gathers nothing
            Expr none = Expr.lane(ScalarOp.LT, sel.position(), int32(0));
            return new Choice(sel.value(), sel.position(), new Expr.Select(none, List.of(sel.carried(), carriedZero)));
        }
        return sel;
    }

    private static Expr int32(int v) { return new Expr.Const(DType.INT32, v, v); }
}
