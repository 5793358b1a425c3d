package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;

/**
 * The reference evaluation of {@code conv_general_dilated}: plain loops over the output, with the
 * valid (input offset, kernel offset) pairs of each output position precomputed from per-dimension
 * tables, so that padding, dilation holes and strides cost nothing in the inner loop. Floats
 * accumulate in double and round once; integers accumulate in long and wrap to the output width;
 * bool is OR of ANDs.
 */
final class ConvKernel {
    private ConvKernel() {}

    static DenseArray evaluate(ConvGeneralDilated p, DenseArray lhs, DenseArray rhs, ArrayType out) {
        Geometry g = new Geometry(p, lhs.type(), rhs.type(), out);
        DType t = out.dtype();
        Object dst = Storage.allocate(t, out.size());
        if (t.isFloating()) {
            double[] l = toDoubles(lhs);
            double[] r = toDoubles(rhs);
            g.run((acc, li, ri, pl, pr, m, cg, lsc, rsi) -> {
                double s = 0;
                for (int i = 0; i < cg; i++) {
                    int lb = li + i * lsc;
                    int rb = ri + i * rsi;
                    for (int j = 0; j < m; j++) s += l[lb + pl[j]] * r[rb + pr[j]];
                }
                return Double.doubleToRawLongBits(s);
            }, (idx, bits) -> Storage.setDouble(t, dst, idx, Double.longBitsToDouble(bits)));
        } else if (t == DType.BOOL) {
            boolean[] l = (boolean[]) lhs.buffer();
            boolean[] r = (boolean[]) rhs.buffer();
            g.run((acc, li, ri, pl, pr, m, cg, lsc, rsi) -> {
                for (int i = 0; i < cg; i++) {
                    int lb = li + i * lsc;
                    int rb = ri + i * rsi;
                    for (int j = 0; j < m; j++) if (l[lb + pl[j]] && r[rb + pr[j]]) return 1;
                }
                return 0;
            }, (idx, v) -> Storage.setLong(t, dst, idx, v));
        } else {
            long[] l = toLongs(lhs);
            long[] r = toLongs(rhs);
            g.run((acc, li, ri, pl, pr, m, cg, lsc, rsi) -> {
                long s = 0;
                for (int i = 0; i < cg; i++) {
                    int lb = li + i * lsc;
                    int rb = ri + i * rsi;
                    for (int j = 0; j < m; j++) s += l[lb + pl[j]] * r[rb + pr[j]];
                }
                return s;
            }, (idx, v) -> Storage.setLong(t, dst, idx, v));
        }
        return DenseArray.wrap(out, dst);
    }

    static double[] toDoubles(DenseArray a) {
        if (a.buffer() instanceof double[] d) return d;
        double[] out = new double[a.size()];
        if (a.buffer() instanceof float[] f) {
            for (int i = 0; i < out.length; i++) out[i] = f[i];
        } else {
            for (int i = 0; i < out.length; i++) out[i] = a.getDouble(i);
        }
        return out;
    }

    static long[] toLongs(DenseArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.getLong(i);
        return out;
    }

    /** The dot product of one output element: returns the accumulated value (as bits for doubles). */
    @FunctionalInterface
    interface Dot {
        long apply(long unused, int lhsBase, int rhsBase, int[] pl, int[] pr, int m, int cg, int lhsFeatureStride,
                int rhsInStride);
    }

    /** Stores one output element. */
    @FunctionalInterface
    interface Store {
        void store(int index, long value);
    }

    /** Strides and per-dimension tables of one convolution. */
    private static final class Geometry {
        final int nsp, outN, outC, cg, og, ob;
        final int lsb, lsc, rso, rsi, osb, osc;
        final int[] outSp, kSp, rStrS, oStrS;
        final int[][] tab;

        Geometry(ConvGeneralDilated p, ArrayType lhs, ArrayType rhs, ArrayType out) {
            ConvDimensionNumbers dn = p.dimensionNumbers();
            int[] lsh = lhs.shape().dims(), lst = lhs.shape().strides();
            int[] rsh = rhs.shape().dims(), rst = rhs.shape().strides();
            int[] osh = out.shape().dims(), ost = out.shape().strides();
            nsp = osh.length - 2;
            outN = osh[dn.outSpec().get(0)];
            outC = osh[dn.outSpec().get(1)];
            cg = rsh[dn.rhsSpec().get(1)];
            og = outC / p.featureGroupCount();
            ob = outC / p.batchGroupCount();
            lsb = lst[dn.lhsSpec().get(0)];
            lsc = lst[dn.lhsSpec().get(1)];
            rso = rst[dn.rhsSpec().get(0)];
            rsi = rst[dn.rhsSpec().get(1)];
            osb = ost[dn.outSpec().get(0)];
            osc = ost[dn.outSpec().get(1)];
            outSp = new int[nsp];
            kSp = new int[nsp];
            rStrS = new int[nsp];
            oStrS = new int[nsp];
            tab = new int[nsp][];
            for (int d = 0; d < nsp; d++) {
                int in = lsh[dn.lhsSpec().get(2 + d)];
                int ld = p.lhsDilation().get(d);
                int rd = p.rhsDilation().get(d);
                int st = p.windowStrides().get(d);
                int lo = p.padding().lo(d);
                int dil = WindowShapes.dilate(in, ld);
                int lStr = lst[dn.lhsSpec().get(2 + d)];
                outSp[d] = osh[dn.outSpec().get(2 + d)];
                kSp[d] = rsh[dn.rhsSpec().get(2 + d)];
                rStrS[d] = rst[dn.rhsSpec().get(2 + d)];
                oStrS[d] = ost[dn.outSpec().get(2 + d)];
                tab[d] = new int[outSp[d] * kSp[d]];
                for (int o = 0; o < outSp[d]; o++) {
                    for (int k = 0; k < kSp[d]; k++) {
                        int pos = o * st + k * rd - lo;
                        tab[d][o * kSp[d] + k] = pos < 0 || pos >= dil || pos % ld != 0 ? -1 : (pos / ld) * lStr;
                    }
                }
            }
        }

        void run(Dot dot, Store store) {
            int spatial = 1;
            for (int sp : outSp) spatial *= sp;
            long work = (long) spatial * outN * outC * cg;
            int chunks = work < 1 << 20 ? 1 : Math.min(spatial, 4 * Runtime.getRuntime().availableProcessors());
            int total = spatial;
            if (chunks == 1) {
                run(dot, store, 0, total);
            } else {
                java.util.stream.IntStream.range(0, chunks).parallel()
                        .forEach(c -> run(dot, store, (int) ((long) total * c / chunks), (int) ((long) total * (c + 1) / chunks)));
            }
        }

        /** Output spatial positions {@code [s0, s1)}; disjoint ranges may run concurrently. */
        private void run(Dot dot, Store store, int s0, int s1) {
            int kTotal = 1;
            for (int k : kSp) kTotal *= k;
            int[] pl = new int[kTotal];
            int[] pr = new int[kTotal];
            int[] op = new int[nsp];
            int[] kk = new int[nsp];
            for (int s = s0; s < s1; s++) {
                int rem = s;
                int outOff = 0;
                for (int d = nsp - 1; d >= 0; d--) {
                    op[d] = rem % outSp[d];
                    rem /= outSp[d];
                    outOff += op[d] * oStrS[d];
                }
                int m = 0;
                java.util.Arrays.fill(kk, 0);
                for (int k = 0; k < kTotal; k++) {
                    int lOff = 0, rOff = 0;
                    boolean valid = true;
                    for (int d = 0; d < nsp; d++) {
                        int t = tab[d][op[d] * kSp[d] + kk[d]];
                        if (t < 0) {
                            valid = false;
                            break;
                        }
                        lOff += t;
                        rOff += kk[d] * rStrS[d];
                    }
                    if (valid) {
                        pl[m] = lOff;
                        pr[m] = rOff;
                        m++;
                    }
                    for (int d = nsp - 1; d >= 0; d--) {
                        if (++kk[d] < kSp[d]) break;
                        kk[d] = 0;
                    }
                }
                for (int b = 0; b < outN; b++) {
                    for (int o = 0; o < outC; o++) {
                        int lhsBase = ((o / ob) * outN + b) * lsb + (o / og) * cg * lsc;
                        long v = dot.apply(0, lhsBase, o * rso, pl, pr, m, cg, lsc, rsi);
                        store.store(b * osb + o * osc + outOff, v);
                    }
                }
            }
        }
    }
}
