package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A float32 map whose element is a sum of shifted reads of one buffer times scalars,
 * {@code out[i] = ((x[base(i) + off0] * w0 + x[base(i) + off1] * w1) + ...)} with {@code base} affine
 * in the loop counters: a filter written as shifted slices of a padded image (the demo's
 * {@code Jnp}-slices form), which fuses into one very large expression (49 reads for a 7x7 filter,
 * past the JVM's 64 KiB method limit for its SIMD form at some sizes). Run as a library kernel
 * instead: each contiguous run of outputs is accumulated term by term in vectors (a multiply, then an
 * add, each rounded as in the fused loop and the reference evaluation, so the results are the same
 * bit for bit), runs split over the cores.
 *
 * {@snippet :
 * Kernel k = Stencil.rewrite(map);   // a Kernel.Library when map is such a sum, else map itself
 * }
 *
 * @param dims the output loop extents
 * @param coef the input offset per unit of each loop counter
 * @param offsets each term's constant input offset
 * @param weightInput each term's weight operand (an index into the kernel's operands, the image being
 *     0), or -1 for a constant weight
 * @param weightAt each term's weight element (or the constant's float bits)
 * @param run the length of the contiguous innermost run (trailing loops whose offsets are row-major)
 * @param image the image's dtype: float32, or uint8 / int32 converted to float32 in the expression (then
 *     each run's input span is converted once into a per-thread float32 buffer)
 */
record Stencil(Shape dims, int[] coef, int[] offsets, int[] weightInput, int[] weightAt, int run, DType image) implements LibraryKernel {

    /** Fewest terms worth a stencil kernel. */
    private static final int MIN_TERMS = 4;

    /** {@code k} as a stencil library kernel when it is such a sum, else {@code k}. */
    static Kernel rewrite(Kernel k) {
        if (!(k instanceof Kernel.Map m) || m.body().type() != DType.FLOAT32 || m.dims().rank() == 0) return k;
        List<Expr> terms = new ArrayList<>();
        if (!flatten(m.body(), terms) || terms.size() < MIN_TERMS) return k;
        int rank = m.dims().rank(), image = -1;
        DType imageType = null;
        long[] base = null;
        List<Integer> inputs = new ArrayList<>();
        int n = terms.size();
        int[] offsets = new int[n], wIn = new int[n], wAt = new int[n];
        for (int t = 0; t < n; t++) {
            if (!(terms.get(t) instanceof Expr.Lane l) || l.op() != ScalarOp.MUL) return k;
            Expr a = l.args().get(0), b = l.args().get(1);
            if (!isImageRead(a, rank) && isImageRead(b, rank)) {
                Expr s = a;
                a = b;
                b = s;
            }
            Expr.Load x = imageLoad(a);
            if (x == null || (imageType != null && x.type() != imageType)) return k;
            imageType = x.type();
            long[] f = Ix.affine(x.index(), rank);
            if (f == null || allZero(f, rank)) return k;
            if (image < 0) {
                image = x.buffer();
                base = f;
                inputs.add(image);
            } else if (x.buffer() != image || !sameCoefficients(base, f, rank)) return k;
            long off = f[rank] - base[rank];
            if (off != (int) off) return k;
            offsets[t] = (int) off;
            switch (b) {
                case Expr.Const c when c.type() == DType.FLOAT32 -> {
                    wIn[t] = -1;
                    wAt[t] = Float.floatToRawIntBits((float) c.asDouble());
                }
                case Expr.Load w when w.type() == DType.FLOAT32 && constantIndex(w.index(), rank) >= 0 -> {
                    int at = inputs.indexOf(w.buffer());
                    if (at < 0) {
                        at = inputs.size();
                        inputs.add(w.buffer());
                    }
                    wIn[t] = at;
                    wAt[t] = constantIndex(w.index(), rank);
                }
                default -> { return k; }
            }
        }
        int[] dims = m.dims().dims(), coef = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (base[d] != (int) base[d]) return k;
            coef[d] = (int) base[d];
        }
        int baseConst = (int) base[rank];
        for (int t = 0; t < n; t++) offsets[t] += baseConst;
        int last = rank - 1;
        while (last >= 0 && dims[last] == 1) coef[last--] = 0;   // a loop of extent 1 counts nothing
        if (last < 0 || coef[last] != 1) return k;
        int run = dims[last];
        for (int d = last - 1; d >= 0; d--) {
            if (dims[d] == 1) continue;
            if (coef[d] != run) break;
            run *= dims[d];
        }
        return new Kernel.Library(new Stencil(m.dims(), coef, offsets, wIn, wAt, run, imageType), inputs, List.of(m.out()));
    }

    private static boolean isImageRead(Expr e, int rank) {
        Expr.Load l = imageLoad(e);
        return l != null && constantIndex(l.index(), rank) < 0;
    }

    /** The image read of a term: a float32 load, or a uint8 / int32 load converted to float32; else null. */
    private static Expr.Load imageLoad(Expr e) {
        if (e instanceof Expr.Load l && l.type() == DType.FLOAT32) return l;
        if (e instanceof Expr.Convert c && c.type() == DType.FLOAT32 && c.arg() instanceof Expr.Load l
                && (l.type() == DType.UINT8 || l.type() == DType.INT32)) return l;
        return null;
    }

    private static boolean allZero(long[] f, int rank) {
        for (int d = 0; d < rank; d++) if (f[d] != 0) return false;
        return true;
    }

    private static boolean sameCoefficients(long[] a, long[] b, int rank) {
        for (int d = 0; d < rank; d++) if (a[d] != b[d]) return false;
        return true;
    }

    /** The index when it is a non-negative constant, else -1. */
    private static int constantIndex(Ix x, int rank) {
        long[] f = Ix.affine(x, rank);
        return f != null && allZero(f, rank) && f[rank] >= 0 && f[rank] <= Integer.MAX_VALUE ? (int) f[rank] : -1;
    }

    /** The terms of a left-nested float32 sum, in order; false when a right operand is itself a sum. */
    private static boolean flatten(Expr e, List<Expr> terms) {
        if (e instanceof Expr.Lane l && l.op() == ScalarOp.ADD && l.operandType() == DType.FLOAT32) {
            Expr right = l.args().get(1);
            if (right instanceof Expr.Lane r && r.op() == ScalarOp.ADD) return false;
            if (!flatten(l.args().get(0), terms)) return false;
            terms.add(right);
            return true;
        }
        terms.add(e);
        return true;
    }

    @Override
    public String describe() {
        return "stencil[" + (image == DType.FLOAT32 ? "" : image.shortName() + "->f32 ") + offsets.length + " terms over " + dims.toTypeString() + ", runs of " + run + "]";
    }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        Object img = in.get(0).buffer();
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int o : offsets) {
            lo = Math.min(lo, o);
            hi = Math.max(hi, o);
        }
        int minOff = lo, window = hi - lo + run;
        int n = offsets.length;
        float[] w = new float[n];
        for (int t = 0; t < n; t++) w[t] = weightInput[t] < 0 ? Float.intBitsToFloat(weightAt[t]) : ((float[]) in.get(weightInput[t]).buffer())[weightAt[t]];
        int size = dims.size();
        float[] dst = new float[size];
        int rows = run == 0 ? 0 : size / run;
        int[] d = dims.dims();
        int rank = d.length;
        Parallel.forRange(rows, (long) run * n, threads, (r0, r1) -> {
            float[] scratch = img instanceof float[] ? null : new float[window];
            for (int row = r0; row < r1; row++) {
                int inBase = 0, rem = row;
                for (int k = rank - 1, span = 1; k >= 0; k--) {
                    if (span < run) {
                        span *= d[k];
                        continue;
                    }
                    inBase += (rem % d[k]) * coef[k];
                    rem /= d[k];
                }
                float[] x = img instanceof float[] f ? f : scratch;
                if (scratch != null) {
                    convert(img, inBase + minOff, scratch, window);
                    inBase = -minOff;
                }
                if (VectorEmitter.AVAILABLE) StencilSimd.row(x, inBase, offsets, w, dst, row * run, run);
                else scalar(x, inBase, offsets, w, dst, row * run, 0, run);
            }
        });
        return List.of(DenseArray.wrap(out.getFirst(), dst));
    }

    /** {@code n} elements of a uint8 or int32 image from {@code from}, as float32 (as {@code convert_element_type}). */
    private static void convert(Object img, int from, float[] to, int n) {
        if (img instanceof byte[] b) {
            if (VectorEmitter.AVAILABLE) StencilSimd.convertUint8(b, from, to, n);
            else for (int i = 0; i < n; i++) to[i] = b[from + i] & 0xFF;
        }
        else {
            int[] a = (int[]) img;
            for (int i = 0; i < n; i++) to[i] = a[from + i];
        }
    }

    /** Outputs {@code [j0, j1)} of one run, term by term: multiply, then add, as the fused loop. */
    static void scalar(float[] x, int inBase, int[] off, float[] w, float[] dst, int out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            float a = x[inBase + off[0] + j] * w[0];
            for (int t = 1; t < off.length; t++) a = a + x[inBase + off[t] + j] * w[t];
            dst[out + j] = a;
        }
    }
}
