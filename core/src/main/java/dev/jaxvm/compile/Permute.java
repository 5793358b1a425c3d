package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;

/**
 * Axis permutations of dense buffers for library kernels that work in a canonical layout: copies only
 * when the permutation is not the identity, innermost runs copied with {@code System.arraycopy} when
 * they stay contiguous.
 */
final class Permute {
    private Permute() {}

    /** The data of {@code x} with its dimensions in {@code order} (the buffer itself when already so). */
    static Object toOrder(DenseArray x, Ints order) {
        return copy(x.buffer(), x.dtype(), x.type().shape().dims(), order.values());
    }

    /**
     * The buffer of type {@code t} whose axis {@code a} is axis {@code perm[a]} of {@code canon} (of dims
     * {@code canonDims}); {@code canon} itself when {@code perm} is the identity.
     */
    static Object fromCanonical(Object canon, Ints canonDims, int[] perm, ArrayType t) {
        return copy(canon, t.dtype(), canonDims.values(), perm);
    }

    /** The buffer {@code src} (dims {@code dims}) transposed so that result axis i is source axis {@code order[i]}. */
    private static Object copy(Object src, dev.jaxvm.DType dtype, int[] dims, int[] order) {
        int r = order.length;
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= order[i] == i;
        if (identity) return src;
        int[] strides = new Shape(dims).strides();
        int[] od = new int[r], os = new int[r];
        for (int i = 0; i < r; i++) {
            od[i] = dims[order[i]];
            os[i] = strides[order[i]];
        }
        int total = new Shape(od).size();
        Object dst = Storage.allocate(dtype, total);
        if (total == 0) return dst;
        int inner = od[r - 1], innerStride = os[r - 1];
        int outer = total / inner;
        int[] idx = new int[r - 1];
        int from = 0;
        for (int o = 0; o < outer; o++) {
            int to = o * inner;
            if (innerStride == 1) System.arraycopy(src, from, dst, to, inner);
            else if (src instanceof float[] s) {
                float[] d = (float[]) dst;
                for (int i = 0, f = from; i < inner; i++, f += innerStride) d[to + i] = s[f];
            } else if (src instanceof double[] s) {
                double[] d = (double[]) dst;
                for (int i = 0, f = from; i < inner; i++, f += innerStride) d[to + i] = s[f];
            } else if (src instanceof int[] s) {
                int[] d = (int[]) dst;
                for (int i = 0, f = from; i < inner; i++, f += innerStride) d[to + i] = s[f];
            } else {
                for (int i = 0, f = from; i < inner; i++, f += innerStride) Storage.copyElement(src, f, dst, to + i);
            }
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                from += os[d];
                if (idx[d] < od[d]) break;
                from -= os[d] * od[d];
                idx[d] = 0;
            }
        }
        return dst;
    }
}
