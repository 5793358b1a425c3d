package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * Batching rules of the windowed primitives: the batch becomes a window dimension of size 1 for
 * the pooling primitives, and part of the batch or feature dimensions of a convolution (JAX's
 * {@code _conv_general_dilated_batch_rule}).
 */
final class WindowBatchRules {
    private WindowBatchRules() {}

    /** {@code xs} with {@code v} inserted at {@code at}. */
    static Ints insert(Ints xs, int at, int v) { return Ints.of(BatchRules.insert(xs.values(), at, v)); }

    /** Window padding with no padding inserted at {@code at}. */
    static Pads insert(Pads p, int at) { return new Pads(insert(p.lo(), at, 0), insert(p.hi(), at, 0)); }

    static Batched reduceWindow(List<Array> args, Ints dims, java.util.function.IntFunction<Primitive> make) {
        int d = dims.get(0);
        return Batched.of(Trace.bind1(make.apply(d), args.getFirst()), d);
    }

    /** Primitives over two operands of window-related shapes: both batch-first, a unit window there. */
    static Batched pairAtFront(Primitive p, List<Array> args, Ints dims) {
        return Batched.of(Trace.bind1(p, BatchRules.allAtFront(args, dims)), 0);
    }

    /** JAX's rule: the batch folds into N, C or O (with feature or batch groups) and unfolds from the output. */
    static Batched conv(ConvGeneralDilated c, List<Array> args, Ints dims) {
        Array lhs = args.get(0), rhs = args.get(1);
        int lb = dims.get(0), rb = dims.get(1);
        ConvDimensionNumbers dn = c.dimensionNumbers();
        int ln = dn.lhsSpec().get(0), lc = dn.lhsSpec().get(1), ro = dn.rhsSpec().get(0);
        int on = dn.outSpec().get(0), oc = dn.outSpec().get(1);
        int fgc = c.featureGroupCount(), bgc = c.batchGroupCount();
        if (lb != NOT_MAPPED && rb != NOT_MAPPED) {
            int size = lhs.shape()[lb];
            Array newLhs;
            if (bgc > 1) {
                newLhs = into(lb, ln, lhs);
                bgc *= size;
            } else {
                newLhs = into(lb, lc, lhs);
                fgc *= size;
            }
            Array out = bind(c, newLhs, into(rb, ro, rhs), fgc, bgc);
            return Batched.of(outOf(oc, size, out), oc);
        }
        if (lb != NOT_MAPPED) {
            int size = lhs.shape()[lb];
            Array newLhs;
            if (bgc == 1) {
                newLhs = into(lb, ln, lhs);
            } else {
                newLhs = outOf(ln + (lb <= ln ? 1 : 0), bgc, lhs);
                newLhs = into(lb + (ln < lb ? 1 : 0), ln + 1, newLhs);
                newLhs = into(ln, ln, newLhs);
            }
            return Batched.of(outOf(on, size, bind(c, newLhs, rhs, fgc, bgc)), on);
        }
        int size = rhs.shape()[rb];
        if (fgc == 1 && bgc == 1) return Batched.of(outOf(oc, size, bind(c, lhs, into(rb, ro, rhs), fgc, bgc)), oc);
        int groups = fgc > 1 ? fgc : bgc;
        Array newRhs = outOf(ro + (rb <= ro ? 1 : 0), groups, rhs);
        newRhs = into(rb + (ro < rb ? 1 : 0), ro + 1, newRhs);
        newRhs = into(ro, ro, newRhs);
        Array out = bind(c, lhs, newRhs, fgc, bgc);
        out = outOf(oc, groups, out);
        out = outOf(oc + 1, size, out);
        return Batched.of(into(oc, oc + 1, out), oc);
    }

    private static Array bind(ConvGeneralDilated c, Array lhs, Array rhs, int fgc, int bgc) {
        return Trace.bind1(new ConvGeneralDilated(c.windowStrides(), c.padding(), c.lhsDilation(), c.rhsDilation(),
                c.dimensionNumbers(), fgc, bgc, c.precision(), c.preferredElementType()), lhs, rhs);
    }

    /**
     * JAX's {@code _reshape_axis_into}: merges axis {@code src} into axis {@code dst} (numbered after
     * removing {@code src}) as its major part.
     */
    static Array into(int src, int dst, Array x) {
        int r = x.ndim();
        int[] perm = new int[r];
        for (int i = 0, j = 0; i < r; i++) if (i != src) perm[j++] = i;
        int[] order = BatchRules.insert(java.util.Arrays.copyOf(perm, r - 1), dst, src);
        Array t = Lax.transpose(x, order);
        int[] s = t.shape();
        int[] merged = new int[r - 1];
        for (int i = 0, j = 0; i < r; i++) {
            if (i == dst + 1) merged[j - 1] *= s[i];
            else merged[j++] = s[i];
        }
        return Lax.reshape(t, merged);
    }

    /** JAX's {@code _reshape_axis_out_of}: splits axis {@code src} into {@code (size1, rest)}. */
    static Array outOf(int src, int size1, Array x) {
        int[] s = x.shape();
        int[] out = BatchRules.insert(s, src, size1);
        out[src + 1] = s[src] / size1;
        return Lax.reshape(x, out);
    }
}
