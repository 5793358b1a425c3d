package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import java.util.StringJoiner;

/** NumPy's broadcasting of shapes, with JAX's error text. */
final class Broadcast {
    private Broadcast() {}

    /**
     * The broadcast shape of the arrays.
     *
     * @throws IllegalArgumentException naming the function and all shapes when they are incompatible
     */
    static int[] shape(String fn, Array... arrays) {
        int rank = 0;
        for (Array a : arrays) rank = Math.max(rank, a.ndim());
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Array a : arrays) {
            int[] s = a.shape();
            for (int i = 0; i < s.length; i++) {
                int k = rank - s.length + i;
                if (s[i] == out[k] || s[i] == 1) continue;
                if (out[k] != 1) throw incompatible(fn, arrays);
                out[k] = s[i];
            }
        }
        return out;
    }

    private static IllegalArgumentException incompatible(String fn, Array... arrays) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Array b : arrays) j.add(b.type().shape().toString());
        return new IllegalArgumentException(fn + ": Incompatible shapes for broadcasting: shapes=" + j);
    }
}
