package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;
import java.util.Objects;

/**
 * An array of typed PRNG keys ({@code dtype=key<fry>}), JAX's new-style keys: a key array of shape
 * {@code S} overlays {@code uint32} key data of shape {@code S + (2,)}.
 *
 * <p>jaxvm's {@link Array} has no extended dtypes yet, so a key array is this wrapper around its
 * key data rather than an {@code Array} itself; samplers take it, {@link Random#keyData} unwraps it
 * and {@link Random#wrapKeyData} wraps raw {@code u32[..., 2]} data. Inside {@code jit} the data may
 * be a tracer: key arrays are values like any other.
 *
 * {@snippet :
 * KeyArray key = Random.key(32);          // Array((), dtype=key<fry>) overlaying:\n[ 0 32]
 * KeyArray ks = Random.split(key);        // shape (2,)
 * Array x = Random.normal(ks.get(1));     // 2.0746586
 * }
 *
 * @param data the key data, uint32 with a last dimension of 2
 */
public record KeyArray(Array data) {
    /** @throws IllegalArgumentException unless data is uint32 with a last dimension of 2 */
    public KeyArray {
        Objects.requireNonNull(data, "data");
        int[] s = data.shape();
        if (data.dtype() != DType.UINT32 || s.length == 0 || s[s.length - 1] != 2) {
            throw new IllegalArgumentException("threefry2x32 key data must be a uint32 array with a trailing"
                    + " dimension of 2, got " + data.type().toLongString());
        }
    }

    /** The key array's shape (the data's shape without the trailing 2). */
    public int[] shape() {
        int[] s = data.shape();
        return Arrays.copyOf(s, s.length - 1);
    }

    /** Number of dimensions. */
    public int ndim() { return data.ndim() - 1; }

    /** Number of keys. */
    public int size() { return data.size() / 2; }

    /** JAX's name of the key dtype. */
    public String dtypeName() { return "key<fry>"; }

    /**
     * The key at {@code index} along the leading axes (negative indices count from the end), e.g.
     * {@code split(key).get(1)}.
     */
    public KeyArray get(int... index) {
        int[] s = data.shape();
        if (index.length > s.length - 1) {
            throw new IndexOutOfBoundsException("too many indices for key array of shape " + Arrays.toString(shape())
                    + ": " + index.length + " were indexed");
        }
        int[] start = new int[s.length];
        int[] limit = s.clone();
        for (int k = 0; k < index.length; k++) {
            int i = index[k] < 0 ? index[k] + s[k] : index[k];
            if (i < 0 || i >= s[k]) {
                throw new IndexOutOfBoundsException("index " + index[k] + " is out of bounds for axis " + k
                        + " with size " + s[k]);
            }
            start[k] = i;
            limit[k] = i + 1;
        }
        Array sliced = Lax.slice(data, start, limit, null);
        int[] out = Arrays.copyOfRange(s, index.length, s.length);
        return new KeyArray(Lax.reshape(sliced, out));
    }

    /** JAX's repr: {@code Array((), dtype=key<fry>) overlaying:} and the key data as NumPy prints it. */
    @Override
    public String toString() {
        String head = "Array(" + shapeTuple(shape()) + ", dtype=key<fry>) overlaying:\n";
        if (!(data instanceof DenseArray d)) return head + data;
        long[] v = new long[d.size()];
        int width = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] = d.getLong(i);
            width = Math.max(width, Long.toString(v[i]).length());
        }
        StringBuilder b = new StringBuilder(head);
        numpyStr(b, v, d.shape(), 0, 0, width);
        return b.toString();
    }

    private static String shapeTuple(int[] s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? ", " : "").append(s[i]);
        return b.append(')').toString();
    }

    private static int numpyStr(StringBuilder b, long[] v, int[] dims, int axis, int offset, int width) {
        b.append('[');
        if (axis == dims.length - 1) {
            for (int i = 0; i < dims[axis]; i++) {
                String c = Long.toString(v[offset + i]);
                b.append(i > 0 ? " " : "").append(" ".repeat(width - c.length())).append(c);
            }
            b.append(']');
            return offset + dims[axis];
        }
        String sep = "\n".repeat(dims.length - axis - 1) + " ".repeat(axis + 1);
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) b.append(sep);
            offset = numpyStr(b, v, dims, axis + 1, offset, width);
        }
        b.append(']');
        return offset;
    }
}
