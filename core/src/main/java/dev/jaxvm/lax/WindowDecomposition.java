package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reduce_window_*} over small windows as a program the compiler fuses into one loop nest: the
 * operand padded with the monoid's identity (base dilation as interior padding), one strided slice per
 * window offset, combined in the reference's row-major window order. Float sums run in float64, as the
 * reference accumulates, so every result is the reference's bit for bit.
 */
final class WindowDecomposition {
    /** Window sizes up to this many elements are decomposed; larger ones run the window loop kernel. */
    static final int MAX_WINDOW = 16;

    private final List<Eqn> eqns = new ArrayList<>();

    private WindowDecomposition() {}

    /** The decomposition, or null when the window is too large for one fused loop. */
    static Lowering of(WindowReduce.Monoid m, ArrayType x, Ints windowDimensions, Ints windowStrides, Pads padding,
            Ints baseDilation, Ints windowDilation) {
        int r = x.rank(), total = 1;
        for (int k = 0; k < r; k++) total *= windowDimensions.get(k);
        if (total > MAX_WINDOW || total == 0) return null;
        WindowDecomposition d = new WindowDecomposition();
        Var in = new Var(x);
        DType t = x.dtype();
        DType acc = m == WindowReduce.Monoid.SUM && t.isFloating() ? DType.FLOAT64 : t;
        Atom v = acc == t ? in : d.apply(new ConvertElementType(acc, false), in);
        List<Pad.Dim> dims = new ArrayList<>();
        for (int k = 0; k < r; k++) dims.add(Pad.Dim.of(padding.lo(k), padding.hi(k), baseDilation.get(k) - 1));
        boolean padless = true;
        for (int k = 0; k < r; k++) padless &= padding.lo(k) == 0 && padding.hi(k) == 0 && baseDilation.get(k) == 1;
        Atom padded = padless ? v : d.apply(new Pad(dims), v, new Literal(identity(m, acc)));
        int[] pd = padded.type().shape().dims();
        ArrayType outType = WindowReduce.shape("reduce_window", x, windowDimensions, windowStrides, padding, baseDilation,
                windowDilation);
        int[] od = outType.shape().dims();
        Atom result = null;
        int[] w = new int[r];
        for (int i = 0; i < total; i++) {
            int[] lo = new int[r], hi = new int[r];
            for (int k = 0; k < r; k++) {
                lo[k] = w[k] * windowDilation.get(k);
                hi[k] = od[k] == 0 ? lo[k] : lo[k] + (od[k] - 1) * windowStrides.get(k) + 1;
                hi[k] = Math.min(hi[k], pd[k]);
                lo[k] = Math.min(lo[k], hi[k]);
            }
            Atom s = d.apply(new Slice(Ints.of(lo), Ints.of(hi), windowStrides), padded);
            result = result == null ? s : d.apply(combine(m), result, s);
            for (int k = r - 1; k >= 0 && ++w[k] == windowDimensions.get(k); k--) w[k] = 0;
        }
        if (acc != t) result = d.apply(new ConvertElementType(t, false), result);
        Jaxpr j = new Jaxpr(List.of(), List.of(in), d.eqns, List.of(result));
        return new Lowering.Call(new ClosedJaxpr(j, List.of()));
    }

    private Var apply(Primitive p, Atom... in) {
        List<ArrayType> types = new ArrayList<>();
        for (Atom a : in) types.add(a.type());
        Var out = new Var(p.abstractEval(types).getFirst());
        eqns.add(new Eqn(p, List.of(in), List.of(out)));
        return out;
    }

    private static Primitive combine(WindowReduce.Monoid m) {
        return switch (m) {
            case SUM -> new Add();
            case MAX -> new Max();
            case MIN -> new Min();
        };
    }

    private static DenseArray identity(WindowReduce.Monoid m, DType t) {
        if (t.isFloating()) return DenseArray.scalar(t, false, WindowReduce.identityDouble(m));
        return DenseArray.scalarLong(t, false, WindowReduce.identityLong(m, t));
    }
}
