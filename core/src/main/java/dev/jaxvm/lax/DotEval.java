package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;

/** Reference evaluation of {@code dot_general}: floats accumulate in double, integers wrap at 64 bits then to the dtype. */
final class DotEval {
    private DotEval() {}

    static DenseArray run(DotDimensionNumbers dn, DenseArray l, DenseArray r, ArrayType t) {
        return run(dn, l, r, t, Ranges.SEQUENTIAL);
    }

    /** As the reference evaluation, the output elements run through {@code ranges}. */
    static DenseArray run(DotDimensionNumbers dn, DenseArray l, DenseArray r, ArrayType t, Ranges ranges) {
        int[] ld = l.type().shape().dims(), rd = r.type().shape().dims();
        int[] ls = l.type().shape().strides(), rs = r.type().shape().strides();
        int[] lf = DotGeneral.free(l.type(), dn.lhsContracting(), dn.lhsBatch());
        int[] rf = DotGeneral.free(r.type(), dn.rhsContracting(), dn.rhsBatch());
        int nb = dn.lhsBatch().size(), nc = dn.lhsContracting().size();
        int[] cdims = new int[nc];
        int csize = 1;
        for (int i = 0; i < nc; i++) {
            cdims[i] = ld[dn.lhsContracting().get(i)];
            csize *= cdims[i];
        }
        int[] od = t.shape().dims();
        int n = t.size();
        Object dst = Storage.allocate(t.dtype(), n);
        boolean floating = t.dtype().isFloating() || l.dtype().isFloating() || r.dtype().isFloating();
        boolean bool = t.dtype() == DType.BOOL;
        int size = csize;
        ranges.run(n, Math.max(1, csize), (lo, hi) -> {
            int[] o = new int[od.length];
            int[] c = new int[nc];
            for (int i = lo; i < hi; i++) {
                IndexMaps.unravel(i, od, o);
                int lbase = 0, rbase = 0;
                for (int b = 0; b < nb; b++) {
                    lbase += o[b] * ls[dn.lhsBatch().get(b)];
                    rbase += o[b] * rs[dn.rhsBatch().get(b)];
                }
                for (int k = 0; k < lf.length; k++) lbase += o[nb + k] * ls[lf[k]];
                for (int k = 0; k < rf.length; k++) rbase += o[nb + lf.length + k] * rs[rf[k]];
                double accD = 0;
                long accL = 0;
                for (int j = 0; j < size; j++) {
                    IndexMaps.unravel(j, cdims, c);
                    int li = lbase, ri = rbase;
                    for (int k = 0; k < nc; k++) {
                        li += c[k] * ls[dn.lhsContracting().get(k)];
                        ri += c[k] * rs[dn.rhsContracting().get(k)];
                    }
                    if (floating) accD += l.getDouble(li) * r.getDouble(ri);
                    else if (bool) accL |= l.getLong(li) & r.getLong(ri);
                    else accL += l.getLong(li) * r.getLong(ri);
                }
                if (floating) Storage.setDouble(t.dtype(), dst, i, accD);
                else Storage.setLong(t.dtype(), dst, i, accL);
            }
        });
        return DenseArray.wrap(t, dst);
    }
}
