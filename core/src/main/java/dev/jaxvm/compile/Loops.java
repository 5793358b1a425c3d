package dev.jaxvm.compile;

/**
 * The compiler's thread pool for library kernels written outside this package (the catalog's own
 * kernels): a loop over {@code [0, extent)} split into contiguous ranges over up to {@code threads}
 * threads when there is enough work, each index processed by exactly one range.
 *
 * {@snippet :
 * Loops.forRange(rows, cols, threads, (lo, hi) -> { for (int i = lo; i < hi; i++) row(i); });
 * }
 */
public final class Loops {
    private Loops() {}

    /** A loop body over the indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Body {
        /** Runs indices {@code lo} (inclusive) to {@code hi} (exclusive). */
        void run(int lo, int hi);
    }

    /** The default number of threads ({@code -Djaxvm.threads}, else the number of cores). */
    public static int threads() { return Parallel.THREADS; }

    /** Runs {@code body} over {@code [0, extent)}; {@code workPerIndex} is a rough cost of one index. */
    public static void forRange(int extent, long workPerIndex, int threads, Body body) {
        Parallel.forRange(extent, workPerIndex, threads, body::run);
    }
}
