package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.ThreefryKernel;
import dev.jaxvm.compile.ThreefryLowering;
import java.util.List;

/**
 * {@code threefry2x32}: the Threefry-2x32 block function (Random123, 20 rounds), applied
 * elementwise to key words {@code (k0, k1)} and counter words {@code (x0, x1)}, all uint32 and
 * broadcast together; two uint32 outputs {@code (y0, y1)}. It has no derivative; it batches as any
 * elementwise primitive.
 *
 * <p>{@link #hash} is the kernel: a static loop over int arrays that compiled code can call as is.
 *
 * {@snippet :
 * List<Array> y = Lax.threefry2x32(k0, k1, x0, x1);   // key (0, 0), counter (0, 0): (0x6B200159, 0x99BA4EFE)
 * }
 */
public record Threefry2x32() implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "threefry2x32"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 4) throw new IllegalArgumentException("threefry2x32 takes 4 operands, got " + in.size());
        for (ArrayType t : in) {
            if (t.dtype() != DType.UINT32) {
                throw new IllegalArgumentException("Arguments to threefry2x32 must have uint32 type, got "
                        + in.stream().map(ArrayType::toLongString).toList());
            }
        }
        Shape s = ElementwiseRules.broadcastShapes("threefry2x32", in);
        ArrayType out = new ArrayType(s, DType.UINT32, false);
        return List.of(out, out);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        ArrayType t = out.getFirst();
        int n = t.size();
        int[][] ops = new int[4][];
        for (int k = 0; k < 4; k++) {
            DenseArray a = in.get(k);
            int[] data = (int[]) a.buffer();
            if (a.size() == n || a.size() == 1) {
                ops[k] = data;
            } else {
                int[] idx = ElementwiseRules.broadcastIndex(a.type().shape(), t.shape());
                int[] full = new int[n];
                for (int i = 0; i < n; i++) full[i] = data[idx[i]];
                ops[k] = full;
            }
        }
        int[] y0 = new int[n];
        int[] y1 = new int[n];
        int[] x0 = ops[2].length == n ? ops[2] : filled(n, ops[2][0]);
        int[] x1 = ops[3].length == n ? ops[3] : filled(n, ops[3][0]);
        if (ops[0].length == 1 && ops[1].length == 1) {
            hash(ops[0][0], ops[1][0], x0, x1, y0, y1, 0, n);
        } else {
            int[] k0 = ops[0].length == n ? ops[0] : filled(n, ops[0][0]);
            int[] k1 = ops[1].length == n ? ops[1] : filled(n, ops[1][0]);
            hashEach(k0, k1, x0, x1, y0, y1, 0, n);
        }
        return List.of(DenseArray.wrap(t, y0), DenseArray.wrap(t, y1));
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /**
     * Hashes counters {@code (x0[i], x1[i])} for {@code i} in {@code [from, to)} under one key into
     * {@code y0[i], y1[i]}: the hot loop of every sampler.
     */
    public static void hash(int k0, int k1, int[] x0, int[] x1, int[] y0, int[] y1, int from, int to) {
        ThreefryKernel.hash(k0, k1, x0, x1, y0, y1, from, to);
    }

    /** {@link #hash} with a key per element: {@code (k0[i], k1[i])} hashes counter {@code i}. */
    public static void hashEach(int[] k0, int[] k1, int[] x0, int[] x1, int[] y0, int[] y1, int from, int to) {
        ThreefryKernel.hashEach(k0, k1, x0, x1, y0, y1, from, to);
    }

    /** One block: {@code out = threefry2x32((k0, k1), (x0, x1))}. */
    public static void block(int k0, int k1, int x0, int x1, int[] out) {
        int[] a = {x0};
        int[] b = {x1};
        hash(k0, k1, a, b, a, b, 0, 1);
        out[0] = a[0];
        out[1] = b[0];
    }

    /** Fusible word maps ({@link ThreefryLowering}) when every operand is full-size or a single word. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return ThreefryLowering.lowering(in, out); }

    /** Elementwise over its four word operands: batch axes aligned, both outputs batched alike. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }
}
