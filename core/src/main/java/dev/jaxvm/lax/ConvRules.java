package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;

/**
 * The transpose rules of {@code conv_general_dilated} (JAX's {@code _conv_general_dilated_transpose_lhs}
 * and {@code _rhs}): the cotangents of the input and of the kernel are themselves convolutions, with
 * the roles of strides and dilations swapped and grouping turned into batch grouping and back.
 */
final class ConvRules {
    private ConvRules() {}

    /** The cotangent of the input {@code lhs} (of type {@code lhsType}) given the output cotangent {@code g}. */
    static Array transposeLhs(Array g, ArrayType lhsType, Array rhs, ConvGeneralDilated p) {
        ConvDimensionNumbers dn = p.dimensionNumbers();
        Ints lhsSpec = dn.lhsSpec();
        Ints rhsSpec = dn.rhsSpec();
        Ints outSpec = dn.outSpec();
        int nsp = lhsSpec.size() - 2;
        int fgc = p.featureGroupCount();
        int bgc = p.batchGroupCount();
        int[] rhsShape = rhs.shape();
        Array w = rhs;
        if (fgc > 1) {
            w = reshapeAxisOutOf(rhsSpec.get(0), fgc, w);
            w = reshapeAxisInto(rhsSpec.get(0), rhsSpec.get(1), w);
        } else if (bgc > 1) {
            w = reshapeAxisOutOf(rhsSpec.get(0), bgc, w);
            w = reshapeAxisInto(rhsSpec.get(0), rhsSpec.get(1), w);
            fgc = bgc;
        }
        ConvDimensionNumbers trans = new ConvDimensionNumbers(outSpec, swap01(rhsSpec), lhsSpec);
        int[] lo = new int[nsp];
        int[] hi = new int[nsp];
        int[] sp = new int[nsp];
        for (int d = 0; d < nsp; d++) {
            int lhsDil = WindowShapes.dilate(lhsType.shape().dim(lhsSpec.get(2 + d)), p.lhsDilation().get(d));
            int rhsDil = WindowShapes.dilate(rhsShape[rhsSpec.get(2 + d)], p.rhsDilation().get(d));
            int outDil = WindowShapes.dilate(g.shape()[outSpec.get(2 + d)], p.windowStrides().get(d));
            lo[d] = rhsDil - p.padding().lo(d) - 1;
            hi[d] = lhsDil + rhsDil - 1 - outDil - lo[d];
            sp[d] = rhsSpec.get(2 + d);
        }
        Array rev = Lax.rev(w, sorted(sp));
        if (rev.dtype() != g.dtype()) rev = Lax.convertElementType(rev, g.dtype());
        Array out = WindowOps.bind(g, rev, p.lhsDilation(), new Pads(Ints.of(lo), Ints.of(hi)), p.windowStrides(),
                p.rhsDilation(), trans, fgc, 1, p);
        if (out.dtype() != lhsType.dtype()) out = Lax.convertElementType(out, lhsType.dtype());
        if (bgc > 1) {
            out = reshapeAxisOutOf(lhsSpec.get(1), bgc, out);
            out = reshapeAxisInto(lhsSpec.get(1), lhsSpec.get(0), out);
        }
        return out;
    }

    /** The cotangent of the kernel {@code rhs} (of type {@code rhsType}) given the output cotangent {@code g}. */
    static Array transposeRhs(Array g, Array lhs, ArrayType rhsType, ConvGeneralDilated p) {
        ConvDimensionNumbers dn = p.dimensionNumbers();
        Ints lhsSpec = dn.lhsSpec();
        Ints rhsSpec = dn.rhsSpec();
        Ints outSpec = dn.outSpec();
        int nsp = lhsSpec.size() - 2;
        int fgc = p.featureGroupCount();
        int bgc = p.batchGroupCount();
        if (bgc > 1) {
            fgc = bgc;
            bgc = 1;
        } else if (fgc > 1) {
            bgc = fgc;
            fgc = 1;
        }
        ConvDimensionNumbers trans = new ConvDimensionNumbers(swap01(lhsSpec), swap01(outSpec), swap01(rhsSpec));
        int[] lo = new int[nsp];
        int[] hi = new int[nsp];
        for (int d = 0; d < nsp; d++) {
            int lhsDil = WindowShapes.dilate(lhs.shape()[lhsSpec.get(2 + d)], p.lhsDilation().get(d));
            int rhsDil = WindowShapes.dilate(rhsType.shape().dim(rhsSpec.get(2 + d)), p.rhsDilation().get(d));
            int outDil = WindowShapes.dilate(g.shape()[outSpec.get(2 + d)], p.windowStrides().get(d));
            lo[d] = p.padding().lo(d);
            hi[d] = (outDil - lhsDil) + (rhsDil - lo[d] - 1);
        }
        Array x = lhs.dtype() == g.dtype() ? lhs : Lax.convertElementType(lhs, g.dtype());
        Array out = WindowOps.bind(x, g, p.rhsDilation(), new Pads(Ints.of(lo), Ints.of(hi)), p.lhsDilation(),
                p.windowStrides(), trans, fgc, bgc, p);
        return out.dtype() == rhsType.dtype() ? out : Lax.convertElementType(out, rhsType.dtype());
    }

    /**
     * A convolution's output and the axis of it that indexes the batch.
     *
     * @param out the output
     * @param dim its batch axis
     */
    record BatchedConv(Array out, int dim) {}

    /**
     * JAX's {@code _conv_general_dilated_batch_rule}: the convolution of a batch of inputs and/or
     * kernels ({@code lhsDim}/{@code rhsDim} are their batch axes, or -1 when not batched) as one
     * convolution, folding the batch into the batch or feature dimensions and the groups.
     */
    static BatchedConv batch(Array lhs, Array rhs, int lhsDim, int rhsDim, ConvGeneralDilated p) {
        Ints ls = p.dimensionNumbers().lhsSpec();
        Ints rs = p.dimensionNumbers().rhsSpec();
        Ints os = p.dimensionNumbers().outSpec();
        int fgc = p.featureGroupCount();
        int bgc = p.batchGroupCount();
        if (lhsDim >= 0 && rhsDim >= 0) {
            int b = lhs.shape()[lhsDim];
            Array newLhs;
            if (bgc > 1) {
                newLhs = reshapeAxisInto(lhsDim, ls.get(0), lhs);
                bgc *= b;
            } else {
                newLhs = reshapeAxisInto(lhsDim, ls.get(1), lhs);
                fgc *= b;
            }
            Array newRhs = reshapeAxisInto(rhsDim, rs.get(0), rhs);
            Array out = WindowOps.bind(newLhs, newRhs, p.windowStrides(), p.padding(), p.lhsDilation(), p.rhsDilation(),
                    p.dimensionNumbers(), fgc, bgc, p);
            return new BatchedConv(reshapeAxisOutOf(os.get(1), b, out), os.get(1));
        }
        if (lhsDim >= 0) {
            int b = lhs.shape()[lhsDim];
            Array newLhs;
            if (bgc == 1) {
                newLhs = reshapeAxisInto(lhsDim, ls.get(0), lhs);
            } else {
                newLhs = reshapeAxisOutOf(ls.get(0) + (lhsDim <= ls.get(0) ? 1 : 0), bgc, lhs);
                newLhs = reshapeAxisInto(lhsDim + (ls.get(0) < lhsDim ? 1 : 0), ls.get(0) + 1, newLhs);
                newLhs = reshapeAxisInto(ls.get(0), ls.get(0), newLhs);
            }
            Array out = WindowOps.bind(newLhs, rhs, p.windowStrides(), p.padding(), p.lhsDilation(), p.rhsDilation(),
                    p.dimensionNumbers(), fgc, bgc, p);
            return new BatchedConv(reshapeAxisOutOf(os.get(0), b, out), os.get(0));
        }
        int b = rhs.shape()[rhsDim];
        if (fgc == 1 && bgc == 1) {
            Array newRhs = reshapeAxisInto(rhsDim, rs.get(0), rhs);
            Array out = WindowOps.bind(lhs, newRhs, p.windowStrides(), p.padding(), p.lhsDilation(), p.rhsDilation(),
                    p.dimensionNumbers(), fgc, bgc, p);
            return new BatchedConv(reshapeAxisOutOf(os.get(1), b, out), os.get(1));
        }
        int group = fgc > 1 ? fgc : bgc;
        Array newRhs = reshapeAxisOutOf(rs.get(0) + (rhsDim <= rs.get(0) ? 1 : 0), group, rhs);
        newRhs = reshapeAxisInto(rhsDim + (rs.get(0) < rhsDim ? 1 : 0), rs.get(0) + 1, newRhs);
        newRhs = reshapeAxisInto(rs.get(0), rs.get(0), newRhs);
        Array out = WindowOps.bind(lhs, newRhs, p.windowStrides(), p.padding(), p.lhsDilation(), p.rhsDilation(),
                p.dimensionNumbers(), fgc, bgc, p);
        out = reshapeAxisOutOf(os.get(1), group, out);
        out = reshapeAxisOutOf(os.get(1) + 1, b, out);
        out = reshapeAxisInto(os.get(1), os.get(1) + 1, out);
        return new BatchedConv(out, os.get(1));
    }

    /** {@code (spec[1], spec[0]) + spec[2:]}. */
    static Ints swap01(Ints spec) {
        int[] v = spec.values();
        int t = v[0];
        v[0] = v[1];
        v[1] = t;
        return new Ints(v);
    }

    private static int[] sorted(int[] xs) {
        int[] c = xs.clone();
        java.util.Arrays.sort(c);
        return c;
    }

    /**
     * JAX's {@code _reshape_axis_into}: merges axis {@code src} into axis {@code dst} (numbered after
     * removing {@code src}), {@code src} becoming the major part.
     */
    static Array reshapeAxisInto(int src, int dst, Array x) {
        int r = x.ndim();
        int[] shape = x.shape();
        int[] perm = new int[r];
        int[] newShape = new int[r - 1];
        java.util.List<Integer> rest = new java.util.ArrayList<>();
        for (int i = 0; i < r; i++) if (i != src) rest.add(i);
        rest.add(dst, src);
        for (int i = 0; i < r; i++) perm[i] = rest.get(i);
        for (int i = 0, j = 0; i < r; i++) if (i != src) newShape[j++] = shape[i];
        newShape[dst] *= shape[src];
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= perm[i] == i;
        Array t = identity ? x : Lax.transpose(x, perm);
        return Lax.reshape(t, newShape);
    }

    /** JAX's {@code _reshape_axis_out_of}: splits axis {@code src} into {@code (size1, rest)}. */
    static Array reshapeAxisOutOf(int src, int size1, Array x) {
        int[] shape = x.shape();
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i == src) {
                out[j++] = size1;
                out[j++] = shape[i] / size1;
            } else {
                out[j++] = shape[i];
            }
        }
        return Lax.reshape(x, out);
    }
}
