package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuses a uint8 to float32 conversion into the float32 depthwise convolution that consumes it (the
 * demo's {@code image.astype(float32)} before {@code convGeneralDilated}): when a map kernel only
 * converts a uint8 buffer element by element and its result is read by nothing but a depthwise
 * {@link Conv2d}, the map is dropped and the convolution reads the uint8 buffer, converting each input
 * row once as it goes ({@link ConvDepthwiseExact}), so the float32 image is never written.
 */
final class ConvPrologue {
    private ConvPrologue() {}

    /** The kernels with such conversions fused; {@code outputs} are the program's results (never fused away). */
    static List<Kernel> fuse(List<Kernel> kernels, List<Integer> outputs) {
        if (!VectorEmitter.AVAILABLE || Conv2d.EXACT) return kernels;
        List<Kernel> out = new ArrayList<>(kernels);
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof Kernel.Library l) || !(l.kernel() instanceof Conv2d conv) || !conv.depthwise()) continue;
            int src = l.in().get(0);
            if (outputs.contains(src) || readers(out, src) != 1) continue;
            for (int j = 0; j < i; j++) {
                if (out.get(j) instanceof Kernel.Map m && m.out() == src) {
                    Integer from = identityConvert(m);
                    if (from == null) break;
                    List<Integer> in = new ArrayList<>(l.in());
                    in.set(0, from);
                    out.set(i, new Kernel.Library(new Uint8(conv), in, l.outputs()));
                    out.remove(j);
                    i--;
                    break;
                }
            }
        }
        return out;
    }

    /** The uint8 buffer a map converts to float32 element for element (its flat index is the output's), or null. */
    private static Integer identityConvert(Kernel.Map m) {
        if (!(m.body() instanceof Expr.Convert c) || (c.type() != DType.FLOAT32 && c.type() != DType.INT32)) return null;
        if (!(c.arg() instanceof Expr.Load ld) || ld.type() != DType.UINT8) return null;
        int[] dims = m.dims().dims();
        long[] coef = Ix.affine(ld.index(), dims.length);
        if (coef == null) return null;
        long stride = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            if (dims[d] != 1 && coef[d] != stride) return null;
            stride *= dims[d];
        }
        return coef[dims.length] == 0 ? ld.buffer() : null;
    }

    /** How many kernels read buffer {@code b}. */
    private static int readers(List<Kernel> kernels, int b) {
        int n = 0;
        for (Kernel k : kernels) {
            boolean reads = switch (k) {
                case Kernel.Library l -> l.in().contains(b);
                case Kernel.Fallback f -> f.in().contains(b);
                case Kernel.Map m -> loads(m.body()).contains(b);
                case Kernel.Reduce r -> loads(r.body()).contains(b);
            };
            if (reads) n++;
        }
        return n;
    }

    private static Set<Integer> loads(Expr e) {
        Set<Integer> into = new HashSet<>();
        Exprs.forEachLoad(e, l -> into.add(l.buffer()));
        return into;
    }

    /**
     * A depthwise {@link Conv2d} whose input is the uint8 image it converts row by row: float32, or
     * int32 when every sum is exact in the kernel's arithmetic (255 times the largest sum of |weights|
     * of a channel below 2^31 for the double sums, below 2^24 for the float32 FMAs of
     * {@code -Djaxvm.conv.fma=true}); otherwise int32 converts the image and runs the int32 kernel.
     *
     * @param conv the convolution
     */
    record Uint8(Conv2d conv) implements LibraryKernel {
        @Override
        public String describe() { return conv.describe() + " <- convert[u8] fused"; }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            ArrayType t = out.getFirst();
            long work = (long) conv.ow() * conv.o() * conv.kh() * conv.kw();
            int rows = conv.n() * conv.oh();
            byte[] img = (byte[]) in.get(0).buffer();
            if (in.get(1).buffer() instanceof float[] w) {
                return List.of(DenseArray.wrap(t, conv.depthwiseRows(img, w, t.size(), rows, work)));
            }
            int[] w = (int[]) in.get(1).buffer();
            if (exact(w, conv.c(), Conv2d.FMA ? 1L << 24 : 1L << 31)) {
                float[] wf = new float[w.length];
                for (int i = 0; i < w.length; i++) wf[i] = w[i];
                int[] dst = new int[t.size()];
                conv.depthwiseRows(img, wf, dst, rows, work);
                return List.of(DenseArray.wrap(t, dst));
            }
            int[] wide = new int[img.length];
            for (int i = 0; i < img.length; i++) wide[i] = img[i] & 0xFF;
            return conv.run(List.of(DenseArray.wrap(ArrayType.of(DType.INT32, in.get(0).type().shape().dims()), wide), in.get(1)), out);
        }

        /**
         * Whether 255 * sum over taps of |w[tap, ch]| < {@code bound} for every channel (weights laid out
         * [taps, c]) and every weight is exact in float32: then the float32 FMAs ({@code bound} 2^24) or the
         * double sums ({@code bound} 2^31, the int32 range, within double's 2^53) compute the exact integer.
         */
        private static boolean exact(int[] w, int c, long bound) {
            for (int ch = 0; ch < c; ch++) {
                long s = 0;
                for (int i = ch; i < w.length; i += c) {
                    if (Math.abs((long) w[i]) > 1 << 24) return false;
                    s += Math.abs((long) w[i]);
                }
                if (255 * s >= bound) return false;
            }
            return true;
        }
    }
}
