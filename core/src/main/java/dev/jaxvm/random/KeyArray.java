package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;
import java.util.Objects;

/**
 * An array of typed PRNG keys ({@code dtype=key<fry>}), JAX's new-style keys: a key array of shape
 * {@code S} is an {@link Array} of the extended dtype {@link ExtendedDType#KEY_FRY} whose physical
 * data is {@code uint32[*S, 2]} (see {@link dev.jaxvm.core.ArrayType}).
 *
 * <p>This record gives that array its logical view: {@link #shape()} without the key words, indexing
 * and reshaping by keys, and JAX's repr. Samplers take it; {@link Random#keyData} unwraps it
 * ({@code random_unwrap}) and {@link Random#wrapKeyData} wraps raw data ({@code random_wrap}). Inside
 * {@code jit} and {@code vmap} the base may be a tracer (key arrays are pytree nodes like any record),
 * and Jaxprs show it as {@code key<fry>[...]}.
 *
 * {@snippet :
 * KeyArray key = Random.key(32);          // Array((), dtype=key<fry>) overlaying:\n[ 0 32]
 * KeyArray ks = Random.split(key);        // shape (2,)
 * Array x = Random.normal(ks.get(1));     // 2.0746586
 * }
 *
 * @param base the keys: an array of dtype {@code key<fry>}
 */
public record KeyArray(Array base) {
    /** @throws IllegalArgumentException unless base is an array of dtype key&lt;fry&gt; */
    public KeyArray {
        Objects.requireNonNull(base, "base");
        if (base.type().extended() != ExtendedDType.KEY_FRY) {
            throw new IllegalArgumentException("a key array needs an array of dtype key<fry>, got "
                    + base.type().toLongString() + "; wrap raw uint32[..., 2] key data with Random.wrapKeyData");
        }
    }

    /**
     * A key array from either kind of key JAX accepts: a typed key array ({@code key<fry>}) as is, or
     * raw {@code uint32[..., 2]} key data ({@code PRNGKey}) wrapped with {@code random_wrap}.
     *
     * @throws IllegalArgumentException if {@code keys} is neither
     */
    public static KeyArray of(Array keys) {
        return keys.type().extended() == ExtendedDType.KEY_FRY ? new KeyArray(keys) : Random.wrapKeyData(keys);
    }

    /** The key array's shape (the physical data's shape without the trailing 2). */
    public int[] shape() { return base.type().logicalShape().dims(); }

    /** Number of dimensions. */
    public int ndim() { return base.ndim() - 1; }

    /** Number of keys. */
    public int size() { return base.size() / 2; }

    /** JAX's name of the key dtype. */
    public String dtypeName() { return ExtendedDType.KEY_FRY.printName(); }

    /**
     * The key at {@code index} along the leading axes (negative indices count from the end), e.g.
     * {@code split(key).get(1)}: a slice (in the key array's logical indices) and a squeeze, as JAX
     * stages them.
     */
    public KeyArray get(int... index) {
        int[] s = shape();
        if (index.length > s.length) {
            throw new IndexOutOfBoundsException("too many indices for key array of shape " + Arrays.toString(s)
                    + ": " + index.length + " were indexed");
        }
        int[] start = new int[s.length];
        int[] limit = s.clone();
        int[] squeeze = new int[index.length];
        for (int k = 0; k < index.length; k++) {
            int i = index[k] < 0 ? index[k] + s[k] : index[k];
            if (i < 0 || i >= s[k]) {
                throw new IndexOutOfBoundsException("index " + index[k] + " is out of bounds for axis " + k
                        + " with size " + s[k]);
            }
            start[k] = i;
            limit[k] = i + 1;
            squeeze[k] = k;
        }
        if (index.length == 0) return this;
        return new KeyArray(Lax.squeeze(Lax.slice(base, start, limit, null), squeeze));
    }

    /** The keys in another shape of the same size. */
    public KeyArray reshape(int... newShape) {
        int[] d = Arrays.copyOf(newShape, newShape.length + 1);
        d[newShape.length] = 2;
        return new KeyArray(Lax.reshape(base, d));
    }

    /** JAX's repr: {@code Array((), dtype=key<fry>) overlaying:} and the key data as NumPy prints it. */
    @Override
    public String toString() {
        String head = "Array(" + shapeTuple(shape()) + ", dtype=key<fry>) overlaying:\n";
        if (!(base instanceof DenseArray d)) return head + base;
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
