package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sort} (several operands sorted together by their first {@code numKeys}, stably) and
 * {@code top_k}, along one axis, the lines split over the cores. Elements become {@code long} keys
 * whose signed order is JAX's total order (NaN after everything, {@code -0.0 == 0.0}, unsigned
 * integers unsigned); one key of at most 32 bits is packed with the element's index and sorted by
 * {@link Arrays#sort(long[])}, which is stable by construction; several or wider keys use a stable
 * merge sort of the permutation. The permutation is then applied to every operand.
 *
 * {@snippet :
 * LibraryKernel sort = SortKernel.sort(0, 1);    // sort along axis 0 by the first operand
 * LibraryKernel top = SortKernel.topK(1, 3);     // the 3 largest along axis 1, and their indices
 * }
 *
 * @param axis the sorted axis
 * @param numKeys how many leading operands are keys
 * @param k for top_k, how many elements to keep (in descending order); -1 for sort
 */
public record SortKernel(int axis, int numKeys, int k) implements LibraryKernel {

    /** The kernel of {@code sort}. */
    public static SortKernel sort(int axis, int numKeys) { return new SortKernel(axis, numKeys, -1); }

    /** The kernel of {@code top_k}: values and int32 indices of the {@code k} largest. */
    public static SortKernel topK(int axis, int k) { return new SortKernel(axis, 1, k); }

    @Override
    public String describe() {
        return k < 0 ? "sort[axis=" + axis + " keys=" + numKeys + "]" : "top_k[axis=" + axis + " k=" + k + "]";
    }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        Lines lines = Lines.along(in.getFirst().type().shape(), axis);
        int n = lines.n(), stride = lines.inner();
        boolean top = k >= 0;
        int kept = top ? k : n;
        Object[] dst = new Object[out.size()];
        for (int j = 0; j < dst.length; j++) dst[j] = Storage.allocate(out.get(j).dtype(), out.get(j).size());
        boolean packed = numKeys == 1 && in.getFirst().dtype().bits() <= 32;
        long work = (long) n * (32 - Integer.numberOfLeadingZeros(Math.max(1, n)));
        lines.forEach(threads, work, (lo, hi) -> {
            long[][] keys = new long[numKeys][n];
            int[] perm = new int[n], tmp = new int[n];
            long[] pack = packed ? new long[n] : null;
            for (int line = lo; line < hi; line++) {
                int base = lines.base(line);
                for (int j = 0; j < numKeys; j++) keys(in.get(j), base, stride, top, keys[j]);
                if (packed && top && kept <= 64 && kept * 8 <= n) {
                    select(keys[0], pack, kept, perm);
                } else if (packed) {
                    for (int i = 0; i < n; i++) pack[i] = keys[0][i] << 32 | i;
                    if (lines.count() == 1 && threads > 1 && n > (1 << 16)) Arrays.parallelSort(pack);
                    else Arrays.sort(pack);
                    for (int i = 0; i < n; i++) perm[i] = (int) pack[i];
                } else {
                    for (int i = 0; i < n; i++) perm[i] = i;
                    mergeSort(perm, tmp, keys);
                }
                int obase = top ? (line / stride) * kept * stride + line % stride : base;
                for (int j = 0; j < in.size(); j++) {
                    Object src = in.get(j).buffer();
                    for (int i = 0; i < kept; i++) Storage.copyElement(src, base + perm[i] * stride, dst[j], obase + i * stride);
                }
                if (top) for (int i = 0; i < kept; i++) ((int[]) dst[1])[obase + i * stride] = perm[i];
            }
        });
        List<DenseArray> res = new java.util.ArrayList<>(dst.length);
        for (int j = 0; j < dst.length; j++) res.add(DenseArray.wrap(out.get(j), dst[j]));
        return List.copyOf(res);
    }

    /**
     * The first {@code k} of the packed (key, index) values in order, by insertion into a sorted buffer
     * (a few comparisons per element when {@code k} is small): top_k without sorting the whole line.
     */
    private static void select(long[] keys, long[] buf, int k, int[] perm) {
        int n = keys.length;
        for (int i = 0; i < k; i++) buf[i] = keys[i] << 32 | i;
        Arrays.sort(buf, 0, k);
        for (int i = k; i < n; i++) {
            long p = keys[i] << 32 | i;
            if (k == 0 || p >= buf[k - 1]) continue;
            int j = k - 1;
            while (j > 0 && buf[j - 1] > p) {
                buf[j] = buf[j - 1];
                j--;
            }
            buf[j] = p;
        }
        for (int i = 0; i < k; i++) perm[i] = (int) buf[i];
    }

    /** The keys of one line: signed order is JAX's order (reversed, by complement, for top_k). */
    private static void keys(DenseArray a, int base, int stride, boolean descending, long[] dst) {
        DType t = a.dtype();
        Object buf = a.buffer();
        boolean narrow = t.bits() <= 32;
        long flip = descending ? -1L : 0;   // ~key == key ^ -1
        if (buf instanceof float[] f) {
            for (int i = 0; i < dst.length; i++) dst[i] = floatKey(f[base + i * stride]) ^ flip;
            return;
        }
        if (buf instanceof int[] f && t == DType.INT32) {
            for (int i = 0; i < dst.length; i++) dst[i] = f[base + i * stride] ^ flip;
            return;
        }
        for (int i = 0; i < dst.length; i++) {
            int at = base + i * stride;
            long key;
            if (t.isFloating()) {
                key = narrow ? floatKey((float) Storage.getDouble(t, buf, at)) : doubleKey(Storage.getDouble(t, buf, at));
            } else if (t.isUnsigned()) {
                long v = Storage.getLong(t, buf, at);
                key = narrow ? v + Integer.MIN_VALUE : v ^ Long.MIN_VALUE;
            } else {
                key = Storage.getLong(t, buf, at);
            }
            dst[i] = descending ? ~key : key;
        }
    }

    /** An int-range key of a float: NaN largest, both zeros equal. */
    static long floatKey(float f) {
        if (f != f) return Integer.MAX_VALUE;
        if (f == 0) return 0;
        int b = Float.floatToRawIntBits(f);
        return b ^ ((b >> 31) & Integer.MAX_VALUE);
    }

    /** A long key of a double: NaN largest, both zeros equal. */
    static long doubleKey(double d) {
        if (d != d) return Long.MAX_VALUE;
        if (d == 0) return 0;
        long b = Double.doubleToRawLongBits(d);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /** A stable bottom-up merge sort of {@code perm} by the keys, lexicographically. */
    private static void mergeSort(int[] perm, int[] tmp, long[][] keys) {
        int n = perm.length;
        int[] a = perm, b = tmp;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi) b[o++] = compare(keys, a[j], a[i]) < 0 ? a[j++] : a[i++];
                while (i < mid) b[o++] = a[i++];
                while (j < hi) b[o++] = a[j++];
            }
            int[] s = a; a = b; b = s;
        }
        if (a != perm) System.arraycopy(a, 0, perm, 0, n);
    }

    private static int compare(long[][] keys, int x, int y) {
        for (long[] key : keys) {
            int c = Long.compare(key[x], key[y]);
            if (c != 0) return c;
        }
        return 0;
    }
}
