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
            double[] acc = new double[out.size()];
            g.parallel((s0, s1) -> g.runDouble(l, r, acc, s0, s1));
            if (dst instanceof float[] f) {
                for (int i = 0; i < acc.length; i++) f[i] = (float) acc[i];
            } else {
                for (int i = 0; i < acc.length; i++) Storage.setDouble(t, dst, i, acc[i]);
            }
        } else {
            long[] l = toLongs(lhs);
            long[] r = toLongs(rhs);
            long[] acc = new long[out.size()];
            g.parallel((s0, s1) -> g.runLong(l, r, acc, s0, s1));
            for (int i = 0; i < acc.length; i++) {
                if (t == DType.BOOL) Storage.setBoolean(t, dst, i, acc[i] != 0);
                else Storage.setLong(t, dst, i, acc[i]);
            }
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

        /** Runs {@code chunk} over ranges of output spatial positions, in parallel for large convolutions. */
        void parallel(java.util.function.BiConsumer<Integer, Integer> chunk) {
            int spatial = 1;
            for (int sp : outSp) spatial *= sp;
            long work = (long) spatial * outN * outC * cg;
            int chunks = work < 1 << 20 ? 1 : Math.min(spatial, 4 * Runtime.getRuntime().availableProcessors());
            int total = spatial;
            if (chunks == 1) {
                chunk.accept(0, total);
            } else {
                java.util.stream.IntStream.range(0, chunks).parallel()
                        .forEach(c -> chunk.accept((int) ((long) total * c / chunks), (int) ((long) total * (c + 1) / chunks)));
            }
        }

        private int kTotal() {
            int kTotal = 1;
            for (int k : kSp) kTotal *= k;
            return kTotal;
        }

        /**
         * The valid (input, kernel) offset pairs of output spatial position {@code s}, written to
         * {@code pl}/{@code pr}; returns their count, and the position's output offset in {@code outOff[0]}.
         */
        private int pairs(int s, int[] pl, int[] pr, int[] op, int[] kk, int[] outOff) {
            int rem = s;
            int off = 0;
            for (int d = nsp - 1; d >= 0; d--) {
                op[d] = rem % outSp[d];
                rem /= outSp[d];
                off += op[d] * oStrS[d];
            }
            outOff[0] = off;
            int m = 0;
            java.util.Arrays.fill(kk, 0);
            int kTotal = pl.length;
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
            return m;
        }

        /** Floating outputs for positions {@code [s0, s1)}, accumulated in double. */
        void runDouble(double[] l, double[] r, double[] out, int s0, int s1) {
            int[] pl = new int[kTotal()], pr = new int[kTotal()], op = new int[nsp], kk = new int[nsp], outOff = new int[1];
            for (int s = s0; s < s1; s++) {
                int m = pairs(s, pl, pr, op, kk, outOff);
                for (int b = 0; b < outN; b++) {
                    for (int o = 0; o < outC; o++) {
                        int lhsBase = ((o / ob) * outN + b) * lsb + (o / og) * cg * lsc;
                        int rhsBase = o * rso;
                        double acc = 0;
                        for (int i = 0; i < cg; i++) {
                            int lb = lhsBase + i * lsc;
                            int rb = rhsBase + i * rsi;
                            for (int j = 0; j < m; j++) acc += l[lb + pl[j]] * r[rb + pr[j]];
                        }
                        out[b * osb + o * osc + outOff[0]] = acc;
                    }
                }
            }
        }

        /** Integer (and bool, as 0/1) outputs for positions {@code [s0, s1)}, accumulated in long. */
        void runLong(long[] l, long[] r, long[] out, int s0, int s1) {
            int[] pl = new int[kTotal()], pr = new int[kTotal()], op = new int[nsp], kk = new int[nsp], outOff = new int[1];
            for (int s = s0; s < s1; s++) {
                int m = pairs(s, pl, pr, op, kk, outOff);
                for (int b = 0; b < outN; b++) {
                    for (int o = 0; o < outC; o++) {
                        int lhsBase = ((o / ob) * outN + b) * lsb + (o / og) * cg * lsc;
                        int rhsBase = o * rso;
                        long acc = 0;
                        for (int i = 0; i < cg; i++) {
                            int lb = lhsBase + i * lsc;
                            int rb = rhsBase + i * rsi;
                            for (int j = 0; j < m; j++) acc += l[lb + pl[j]] * r[rb + pr[j]];
                        }
                        out[b * osb + o * osc + outOff[0]] = acc;
                    }
                }
            }
        }
    }
}
