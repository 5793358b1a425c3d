package dev.jaxvm;

/**
 * Index objects for {@link Array#get(Object...)} and {@link Array#at(Object...)}, standing for
 * NumPy's {@code :}, {@code None}, {@code ...} and {@code start:stop:step}.
 *
 * {@snippet :
 * Array row = x.get(1, Index.ALL);                 // x[1, :]
 * Array odd = x.get(Index.slice(1, null, 2));      // x[1::2]
 * Array col = x.get(Index.ELLIPSIS, Index.NEWAXIS); // x[..., None]
 * }
 */
public sealed interface Index {
    /** {@code :}, the whole axis. */
    Index ALL = new Slice(null, null, null);
    /** {@code None}: inserts a new axis of size 1. */
    Index NEWAXIS = new NewAxis();
    /** {@code ...}: as many full slices as needed. */
    Index ELLIPSIS = new Ellipsis();

    /** {@code start:stop:step}; null bounds take NumPy's defaults. */
    static Index slice(Integer start, Integer stop, Integer step) { return new Slice(start, stop, step); }

    /** {@code start:stop}. */
    static Index slice(Integer start, Integer stop) { return new Slice(start, stop, null); }

    /**
     * A slice {@code start:stop:step}; null means NumPy's default for that bound.
     *
     * @param start the first index, or null
     * @param stop the exclusive end, or null
     * @param step the step (non-zero), or null for 1
     */
    record Slice(Integer start, Integer stop, Integer step) implements Index {
        /** @throws IllegalArgumentException if step is 0 */
        public Slice {
            if (step != null && step == 0) throw new IllegalArgumentException("slice step cannot be zero");
        }
    }

    /** {@code None}. */
    record NewAxis() implements Index {}

    /** {@code ...}. */
    record Ellipsis() implements Index {}
}
