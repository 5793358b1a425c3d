package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Lax;
import java.util.List;

/**
 * NumPy indexing on arrays, as {@code jax.numpy}: parsing NumPy's index syntax, lowering an index to
 * {@code slice}/{@code rev}/{@code squeeze}/{@code broadcast_in_dim} (static indices),
 * {@code dynamic_slice} (traced scalar indices) or {@code gather} (integer arrays, boolean masks), and
 * JAX's {@code .at[]} functional updates through the {@code scatter} family.
 *
 * <p>Out-of-bounds reads clamp (static integers out of range fall back to a clamped
 * {@code dynamic_slice}, as in JAX); out-of-bounds updates are dropped.
 *
 * {@snippet :
 * Array x = Jnp.arange(12).reshape(3, 4);
 * Array a = x.get("1:, ::-1");                         // slice + rev
 * Array b = x.get(Jnp.array(new int[] {0, 2}), 1);     // gather: [x[0, 1], x[2, 1]]
 * Array c = Jnp.zeros(6, 6).at("1:-1, 1:-1").set(Jnp.ones(4, 4));
 * }
 */
public final class Indexing {
    private Indexing() {}

    /**
     * Parses NumPy index syntax: comma-separated ints, slices {@code a:b:c}, {@code ...}, {@code None},
     * {@code True}/{@code False} and integer or boolean lists {@code [0, 2]} (advanced indices).
     *
     * @throws IllegalArgumentException naming the bad item on a syntax error
     */
    public static List<Object> parse(String index) { return IndexParser.parse(index); }

    /**
     * Normalises index objects: ints, {@link dev.jaxvm.Index} values, arrays, Java {@code int[]} and
     * {@code boolean[]} (as index arrays), {@code null} (as {@code None}).
     *
     * @throws IllegalArgumentException for floats, strings and other unsupported objects
     */
    public static List<Object> of(Object... index) { return IndexParser.of(index); }

    /**
     * {@code x[index]} with NumPy semantics.
     *
     * @throws IndexOutOfBoundsException for too many indices or a boolean mask of the wrong shape
     * @throws NonConcreteBooleanIndexError for a traced boolean mask
     */
    public static Array get(Array x, List<Object> index) { return IndexLowering.take(x, index, null, null); }

    /**
     * The target of a functional update, as JAX's {@code x.at[idx]}: each method returns a new array.
     * Values broadcast to the indexed shape and are converted to {@code array}'s dtype; repeated
     * indices all apply for {@code add}, {@code multiply}, {@code min} and {@code max} (for {@code set}
     * which one wins is unspecified); out-of-bounds updates are dropped.
     *
     * @param array the array to update
     * @param index the normalised index ({@link #parse} or {@link #of})
     */
    public record Ref(Array array, List<Object> index) {
        /** Copies the index. */
        public Ref {
            index = List.copyOf(index);
        }

        /** {@code x.at[idx].get()}: the same as {@code x[idx]} (out-of-bounds reads clamp). */
        public Array get() { return IndexLowering.take(array, index, null, null); }

        /**
         * {@code x.at[idx].get(mode=..., fill_value=...)}.
         *
         * @param mode {@code "clip"}, {@code "fill"} (out-of-bounds reads give {@code fillValue}) or
         *     {@code "promise_in_bounds"}
         * @param fillValue the value of out-of-bounds reads in {@code "fill"} mode, or null for NaN /
         *     the smallest signed integer / the largest unsigned integer / true
         */
        public Array get(String mode, Object fillValue) {
            return IndexLowering.take(array, index, GatherScatterMode.parse(mode), fillValue);
        }

        /** {@code x.at[idx].set(v)}. */
        public Array set(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.SET, null); }

        /** {@code x.at[idx].set(v, mode=...)} with mode {@code "drop"}, {@code "clip"} or {@code "promise_in_bounds"}. */
        public Array set(Object v, String mode) {
            return Updates.scatter(array, index, v, Lax.ScatterKind.SET, GatherScatterMode.parse(mode));
        }

        /** {@code x.at[idx].add(v)}: repeated indices accumulate. */
        public Array add(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.ADD, null); }

        /** {@code x.at[idx].add(v, mode=...)}. */
        public Array add(Object v, String mode) {
            return Updates.scatter(array, index, v, Lax.ScatterKind.ADD, GatherScatterMode.parse(mode));
        }

        /** {@code x.at[idx].subtract(v)}. */
        public Array subtract(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.SUB, null); }

        /** {@code x.at[idx].multiply(v)}. */
        public Array multiply(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.MUL, null); }

        /** {@code x.at[idx].divide(v)}: {@code x / ones.at[idx].multiply(v)}. */
        public Array divide(Object v) {
            Array ones = Updates.ones(array);
            return Jnp.divide(array, Updates.scatter(ones, index, v, Lax.ScatterKind.MUL, null));
        }

        /** {@code x.at[idx].power(v)}: {@code x ** ones.at[idx].multiply(v)}. */
        public Array power(Object v) {
            Array ones = Updates.ones(array);
            return Jnp.power(array, Updates.scatter(ones, index, v, Lax.ScatterKind.MUL, null));
        }

        /** {@code x.at[idx].min(v)}. */
        public Array min(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.MIN, null); }

        /** {@code x.at[idx].max(v)}. */
        public Array max(Object v) { return Updates.scatter(array, index, v, Lax.ScatterKind.MAX, null); }
    }
}
