package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/** Products of {@code Jnp} ({@code dot}, {@code matmul}, {@code tensordot}, ...), lowered as jnp 0.10.2 does. */
final class Linalg {
    private Linalg() {}

    /** {@code dtypes.result_type(a, b, return_weak_type_flag=True)}. */
    static ArrayType resultType(Array... xs) {
        List<ArrayType> ts = new ArrayList<>();
        for (Array x : xs) ts.add(x.type());
        return Promotion.resultType(ts);
    }

    static Array dotGeneral(Array a, Array b, int[] lc, int[] rc, int[] lb, int[] rb, DType preferred) {
        return Lax.dotGeneral(a, b, DotDimensionNumbers.of(lc, rc, lb, rb), null, preferred);
    }

    static Array dot(Object x, Object y) {
        Array a = Jnp.asarray(x), b = Jnp.asarray(y);
        ArrayType rt = resultType(a, b);
        int an = a.ndim(), bn = b.ndim();
        int[] lc = {}, rc = {};
        if (an != 0 && bn != 0) {
            lc = new int[] {an - 1};
            rc = new int[] {bn == 1 ? 0 : bn - 2};
            checkContract("dot", a, b, lc[0], rc[0]);
        }
        Array r = dotGeneral(a, b, lc, rc, new int[0], new int[0], rt.dtype());
        return Promote.convert("dot", r, rt.dtype(), rt.weakType());
    }

    private static void checkContract(String fn, Array a, Array b, int la, int rb) {
        if (a.shape()[la] != b.shape()[rb]) {
            throw new IllegalArgumentException(fn + ": shapes " + a.type().shape() + " and " + b.type().shape()
                    + " are not aligned: " + a.shape()[la] + " (dim " + la + ") != " + b.shape()[rb] + " (dim " + rb + ")");
        }
    }

    static Array matmul(Object x, Object y) {
        Array a = Jnp.asarray(x), b = Jnp.asarray(y);
        for (int i = 0; i < 2; i++) {
            Array o = i == 0 ? a : b;
            if (o.ndim() < 1) throw new IllegalArgumentException("matmul input operand " + i
                    + " must have ndim at least 1, but it has ndim " + o.ndim());
        }
        ArrayType rt = resultType(a, b);
        boolean aMat = a.ndim() > 1, bMat = b.ndim() > 1;
        int nbA = aMat ? a.ndim() - 2 : 0, nbB = bMat ? b.ndim() - 2 : 0;
        int nb = Math.max(nbA, nbB);
        List<Integer> aSq = new ArrayList<>(), bSq = new ArrayList<>(), both = new ArrayList<>();
        List<Integer> aBatch = new ArrayList<>(), bBatch = new ArrayList<>();
        List<Integer> idxBatch = new ArrayList<>(), idxA = new ArrayList<>(), idxB = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            Integer ba = i < nb - nbA ? null : a.shape()[i - (nb - nbA)];
            Integer bb = i < nb - nbB ? null : b.shape()[i - (nb - nbB)];
            if (ba == null) idxB.add(i);
            else if (bb == null) idxA.add(i);
            else if (ba == 1 && bb == 1) {
                aSq.add(idxBatch.size() + idxA.size() + aSq.size());
                bSq.add(idxBatch.size() + idxB.size() + bSq.size());
                both.add(i);
            } else if (ba == 1) {
                idxB.add(i);
                aSq.add(idxBatch.size() + idxA.size() + aSq.size());
            } else if (bb == 1) {
                idxA.add(i);
                bSq.add(idxBatch.size() + idxB.size() + bSq.size());
            } else if (ba.equals(bb)) {
                aBatch.add(idxBatch.size() + idxA.size());
                bBatch.add(idxBatch.size() + idxB.size());
                idxBatch.add(i);
            } else {
                throw new IllegalArgumentException("Incompatible types for matmul arguments: " + a.type().toLongString()
                        + " and " + b.type().toLongString());
            }
        }
        if (aMat) idxA.add(nb);
        if (bMat) idxB.add(nb + (aMat ? 1 : 0));
        List<Integer> order = new ArrayList<>(idxBatch);
        order.addAll(idxA);
        order.addAll(idxB);
        int[] perm = argsort(order);
        if (!aSq.isEmpty()) a = Lax.squeeze(a, ints(aSq));
        if (!bSq.isEmpty()) b = Lax.squeeze(b, ints(bSq));
        int lc = a.ndim() - 1, rc = b.ndim() - 1 - (bMat ? 1 : 0);
        checkContract("matmul", a, b, lc, rc);
        Array out = dotGeneral(a, b, new int[] {lc}, new int[] {rc}, ints(aBatch), ints(bBatch), rt.dtype());
        Array result = Jnp.transpose(out, perm);
        if (!both.isEmpty()) result = Jnp.expandDims(result, ints(both));
        return Promote.convert("matmul", result, rt.dtype(), rt.weakType());
    }

    private static int[] argsort(List<Integer> v) {
        Integer[] idx = new Integer[v.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (p, q) -> Integer.compare(v.get(p), v.get(q)));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = idx[i];
        return out;
    }

    static int[] ints(List<Integer> v) {
        int[] r = new int[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i);
        return r;
    }

    static Array tensordot(Object x, Object y, int[] axesA, int[] axesB) {
        Array a = Jnp.asarray(x), b = Jnp.asarray(y);
        if (axesA.length != axesB.length) {
            throw new IllegalArgumentException("tensordot requires axes lists to have equal length, got "
                    + java.util.Arrays.toString(axesA) + " and " + java.util.Arrays.toString(axesB) + ".");
        }
        int[] lc = new int[axesA.length], rc = new int[axesB.length];
        for (int i = 0; i < lc.length; i++) {
            lc[i] = Axes.normalize("tensordot", axesA[i], a.ndim());
            rc[i] = Axes.normalize("tensordot", axesB[i], b.ndim());
            checkContract("tensordot", a, b, lc[i], rc[i]);
        }
        ArrayType rt = resultType(a, b);
        Array r = dotGeneral(a, b, lc, rc, new int[0], new int[0], rt.dtype());
        return Promote.convert("tensordot", r, rt.dtype(), rt.weakType());
    }

    static Array tensordot(Object x, Object y, int axes) {
        Array a = Jnp.asarray(x), b = Jnp.asarray(y);
        if (axes < 0 || axes > Math.min(a.ndim(), b.ndim())) {
            throw new IllegalArgumentException("Number of tensordot axes (axes " + axes + ") exceeds input ranks ("
                    + a.type().shape() + " and " + b.type().shape() + ")");
        }
        return tensordot(a, b, Shapes.range(a.ndim() - axes, a.ndim()), Shapes.range(0, axes));
    }

    static Array inner(Object x, Object y) {
        Array a = Jnp.asarray(x), b = Jnp.asarray(y);
        if (a.ndim() == 0 || b.ndim() == 0) return Jnp.multiply(a, b);
        return tensordot(a, b, new int[] {-1}, new int[] {-1});
    }

    static Array vdot(Object x, Object y) {
        return dot(Shapes.ravel(x), Shapes.ravel(y));
    }

    static Array outer(Object x, Object y) {
        List<Array> ab = Promote.promoteDTypes("outer", false, x, y);
        Array a = Shapes.ravel(ab.get(0)), b = Shapes.ravel(ab.get(1));
        return Jnp.multiply(Indexing.get(a, Indexing.parse(":, None")), Indexing.get(b, Indexing.parse("None, :")));
    }

    static Array trace(Object x, int offset, int axis1, int axis2) {
        Array a = Jnp.asarray(x);
        if (a.ndim() < 2) throw new IllegalArgumentException("trace: diag requires an array of at least two dimensions");
        int ax1 = Axes.normalize("trace", axis1, a.ndim()), ax2 = Axes.normalize("trace", axis2, a.ndim());
        if (ax1 == ax2) {
            throw new IllegalArgumentException("axis1 and axis2 can not be same. axis1=" + axis1 + " and axis2=" + axis2);
        }
        int n = a.shape()[ax1], m = a.shape()[ax2];
        List<Array> args = offset == 0 ? List.of(a) : List.of(a, Jnp.asarray(offset));
        return NamedCall.call1("trace", args, List.of(ax1, ax2), Linalg::traceBody);
    }

    /** jnp's jitted {@code trace}: mask the diagonal with {@code where(eye, a, 0)} and sum the two axes. */
    private static Array traceBody(List<Array> v, List<Integer> axes) {
        int ax1 = axes.get(0), ax2 = axes.get(1);
        int n = v.get(0).shape()[ax1], m = v.get(0).shape()[ax2];
        Array b = Shapes.moveaxis(v.get(0), new int[] {ax1, ax2}, new int[] {-2, -1});
        Array rows = Lax.broadcastedIota(DType.INT32, new int[] {n, m}, 0);
        Array cols = Lax.broadcastedIota(DType.INT32, new int[] {n, m}, 1);
        Array k = v.size() == 1 ? Jnp.asarray(0) : IndexLowering.constAwareConvert(v.get(1), DType.INT32, false);
        Array eye = Lax.eq(Lax.add(rows, k), cols);
        Array zeros = Jnp.broadcastTo(Promote.convert("trace", 0, b.dtype(), b.weakType()), b.shape());
        Array masked = NamedCall.call1("_where", List.of(eye, b, zeros), List.of(), (w, st) -> Lax.selectN(
                Jnp.broadcastTo(w.get(0), w.get(1).shape()), w.get(2), w.get(1)));
        return Jnp.sum(masked, -2, -1);
    }
}
