package dev.jaxvm.compile;

import dev.jaxvm.core.Ints;

/**
 * The output rows of a {@link ConvGeneral} in its canonical planar layouts: input {@code [N, C, S...]},
 * kernel {@code [O, I, K...]}, output {@code [N/B, O, P...]}; one row is one (batch, output feature,
 * outer output position) and the innermost spatial dimension. Floats accumulate in a double row,
 * integers in a long row.
 */
final class ConvRows {
    private final int nsp, n, c, o, ci, nb, gOut, bOut, sW, kW, pW, s, ld, rd, lo, sPlane, kPlane, pOuter, kOuter;
    private final int[] sOuter, kOuterDims, pOuterDims, sStride, strides, lds, rds, los;

    ConvRows(ConvGeneral k) {
        Ints l = k.lhsDims(), r = k.rhsDims(), out = k.outDims();
        int sp = l.size() - 2;
        nsp = Math.max(1, sp);
        n = l.get(0);
        c = l.get(1);
        o = r.get(0);
        ci = r.get(1);
        nb = out.get(0);
        gOut = Math.max(1, o / k.featureGroups());
        bOut = Math.max(1, o / k.batchGroups());
        int[] sd = new int[nsp], kd = new int[nsp], pd = new int[nsp];
        strides = new int[nsp];
        lds = new int[nsp];
        rds = new int[nsp];
        los = new int[nsp];
        for (int d = 0; d < nsp; d++) {
            boolean real = d < sp;
            sd[d] = real ? l.get(2 + d) : 1;
            kd[d] = real ? r.get(2 + d) : 1;
            pd[d] = real ? out.get(2 + d) : 1;
            strides[d] = real ? k.strides().get(d) : 1;
            lds[d] = real ? k.lhsDilation().get(d) : 1;
            rds[d] = real ? k.rhsDilation().get(d) : 1;
            los[d] = real ? k.padLo().get(d) : 0;
        }
        int last = nsp - 1;
        sW = sd[last];
        kW = kd[last];
        pW = pd[last];
        s = strides[last];
        ld = lds[last];
        rd = rds[last];
        lo = los[last];
        sOuter = java.util.Arrays.copyOf(sd, last);
        kOuterDims = java.util.Arrays.copyOf(kd, last);
        pOuterDims = java.util.Arrays.copyOf(pd, last);
        sStride = new int[last];
        int st = sW;
        for (int d = last - 1; d >= 0; d--) {
            sStride[d] = st;
            st *= sd[d];
        }
        sPlane = st;
        int kp = kW, po = 1, ko = 1;
        for (int d = 0; d < last; d++) {
            kp *= kd[d];
            po *= pd[d];
            ko *= kd[d];
        }
        kPlane = kp;
        pOuter = po;
        kOuter = ko;
    }

    /** Rows {@code [r0, r1)} of the canonical output {@code dst} (a float[], double[], int[] or long[]). */
    void rows(Object l, Object r, Object dst, int r0, int r1) {
        double[] accD = dst instanceof float[] || dst instanceof double[] ? new double[pW] : null;
        long[] accL = accD == null ? new long[pW] : null;
        boolean lanesDot = l instanceof float[] && dot();
        int lanes = ConvGeneralSimd.lanes();
        float[] accF = lanesDot ? new float[pW * lanes] : null;
        int[] pIdx = new int[Math.max(0, nsp - 1)], kIdx = new int[Math.max(0, nsp - 1)];
        for (int row = r0; row < r1; row++) {
            int q = row / pOuter, pi = row % pOuter, oc = q % o, b = q / o;
            for (int d = nsp - 2, rem = pi; d >= 0; d--) {
                pIdx[d] = rem % pOuterDims[d];
                rem /= pOuterDims[d];
            }
            int g = oc / gOut, bg = oc / bOut, in = bg * nb + b;
            if (accD != null) java.util.Arrays.fill(accD, 0);
            else java.util.Arrays.fill(accL, 0);
            if (lanesDot) java.util.Arrays.fill(accF, 0);
            for (int i = 0; i < ci; i++) {
                int lPlane = (in * c + g * ci + i) * sPlane, rPlane = (oc * ci + i) * kPlane;
                java.util.Arrays.fill(kIdx, 0);
                for (int ko = 0; ko < kOuter; ko++) {
                    int off = outerOffset(pIdx, kIdx);
                    if (off >= 0) {
                        int inRow = lPlane + off, kRow = rPlane + ko * kW;
                        if (lanesDot) lanesDot((float[]) l, (float[]) r, accF, lanes, inRow, kRow);
                        else switch (l) {
                            case float[] lf -> innerFloat(lf, (float[]) r, accD, inRow, kRow);
                            case double[] ldd -> innerDouble(ldd, (double[]) r, accD, inRow, kRow);
                            default -> innerLong((long[]) l, (long[]) r, accL, inRow, kRow);
                        }
                    }
                    for (int d = nsp - 2; d >= 0; d--) {
                        if (++kIdx[d] < kOuterDims[d]) break;
                        kIdx[d] = 0;
                    }
                }
            }
            if (lanesDot) for (int x = 0; x < pW; x++) accD[x] = ConvGeneralSimd.reduce(accF, x * lanes);
            int at = row * pW;
            switch (dst) {
                case float[] f -> { for (int x = 0; x < pW; x++) f[at + x] = (float) accD[x]; }
                case double[] f -> System.arraycopy(accD, 0, f, at, pW);
                case int[] f -> { for (int x = 0; x < pW; x++) f[at + x] = (int) accL[x]; }
                default -> System.arraycopy(accL, 0, dst, at, pW);
            }
        }
    }

    /** The offset in an input plane of the row read by these outer output and kernel positions, or -1 if it is padding. */
    private int outerOffset(int[] pIdx, int[] kIdx) {
        int off = 0;
        for (int d = 0; d < pIdx.length; d++) {
            int q = pIdx[d] * strides[d] + kIdx[d] * rds[d] - los[d];
            if (q < 0 || q % lds[d] != 0) return -1;
            q /= lds[d];
            if (q >= sOuter[d]) return -1;
            off += q * sStride[d];
        }
        return off;
    }

    /** Whether the inner loop is a dot product over the kernel row (kernel rows longer than output rows). */
    private boolean dot() { return ld == 1 && rd == 1 && kW > pW; }

    private boolean axpy() { return s == 1 && ld == 1; }

    /** The dot-product inner loop into float32 lane sums (one reduction per output element, at the end of its row). */
    private void lanesDot(float[] l, float[] r, float[] acc, int lanes, int inRow, int kRow) {
        for (int px = 0; px < pW; px++) {
            int base = px * s - lo, k0 = Math.max(0, -base), k1 = Math.min(kW, sW - base);
            if (k1 > k0) ConvGeneralSimd.dotInto(acc, px * lanes, r, kRow + k0, l, inRow + base + k0, k1 - k0);
        }
    }

    private void innerFloat(float[] l, float[] r, double[] acc, int inRow, int kRow) {
        if (dot()) {
            for (int px = 0; px < pW; px++) {
                int base = px * s - lo, k0 = Math.max(0, -base), k1 = Math.min(kW, sW - base);
                if (k1 > k0) acc[px] += ConvGeneralSimd.dot(r, kRow + k0, l, inRow + base + k0, k1 - k0);
            }
        } else if (axpy()) {
            for (int kx = 0; kx < kW; kx++) {
                double w = r[kRow + kx];
                int shift = kx * rd - lo, p0 = Math.max(0, -shift), p1 = Math.min(pW, sW - shift), src = inRow + shift;
                for (int px = p0; px < p1; px++) acc[px] += w * (double) l[src + px];
            }
        } else {
            for (int px = 0; px < pW; px++) {
                double a = 0;
                for (int kx = 0; kx < kW; kx++) {
                    int q = px * s + kx * rd - lo;
                    if (q >= 0 && q % ld == 0 && q / ld < sW) a += (double) r[kRow + kx] * (double) l[inRow + q / ld];
                }
                acc[px] += a;
            }
        }
    }

    private void innerDouble(double[] l, double[] r, double[] acc, int inRow, int kRow) {
        if (axpy()) {
            for (int kx = 0; kx < kW; kx++) {
                double w = r[kRow + kx];
                int shift = kx * rd - lo, p0 = Math.max(0, -shift), p1 = Math.min(pW, sW - shift), src = inRow + shift;
                for (int px = p0; px < p1; px++) acc[px] += w * l[src + px];
            }
        } else {
            for (int px = 0; px < pW; px++) {
                double a = 0;
                for (int kx = 0; kx < kW; kx++) {
                    int q = px * s + kx * rd - lo;
                    if (q >= 0 && q % ld == 0 && q / ld < sW) a += r[kRow + kx] * l[inRow + q / ld];
                }
                acc[px] += a;
            }
        }
    }

    private void innerLong(long[] l, long[] r, long[] acc, int inRow, int kRow) {
        if (axpy()) {
            for (int kx = 0; kx < kW; kx++) {
                long w = r[kRow + kx];
                int shift = kx * rd - lo, p0 = Math.max(0, -shift), p1 = Math.min(pW, sW - shift), src = inRow + shift;
                for (int px = p0; px < p1; px++) acc[px] += w * l[src + px];
            }
        } else {
            for (int px = 0; px < pW; px++) {
                long a = 0;
                for (int kx = 0; kx < kW; kx++) {
                    int q = px * s + kx * rd - lo;
                    if (q >= 0 && q % ld == 0 && q / ld < sW) a += r[kRow + kx] * l[inRow + q / ld];
                }
                acc[px] += a;
            }
        }
    }
}
