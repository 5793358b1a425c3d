package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a kernel's outermost loop over the cores of a shared {@link ForkJoinPool} when it has
 * enough work. Each index is processed by exactly one task with the same code, so results do not
 * depend on the number of threads.
 */
final class Parallel {
    /** The default number of threads: {@code -Djaxvm.threads}, else the number of cores. */
    static final int THREADS = Math.max(1, Integer.getInteger("jaxvm.threads", Runtime.getRuntime().availableProcessors()));
    /** Elements of work below which a loop runs on the calling thread. */
    static final long MIN_WORK = 1 << 15;

    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);

    private Parallel() {}

    /** A loop body over {@code [lo, hi)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int lo, int hi) throws Throwable;
    }

    /** Runs {@code body} over {@code [0, extent)}, split into up to {@code threads} contiguous ranges. */
    static void forRange(int extent, long workPerIndex, int threads, RangeBody body) {
        long work = extent * Math.max(1, workPerIndex);
        int tasks = (int) Math.min(Math.min(threads, extent), Math.max(1, work / MIN_WORK));
        if (tasks <= 1) {
            run(body, 0, extent);
            return;
        }
        List<ForkJoinTask<?>> forked = new ArrayList<>(tasks - 1);
        for (int t = 1; t < tasks; t++) {
            int lo = (int) ((long) extent * t / tasks), hi = (int) ((long) extent * (t + 1) / tasks);
            forked.add(POOL.submit(() -> run(body, lo, hi)));
        }
        run(body, 0, (int) ((long) extent / tasks));
        for (ForkJoinTask<?> f : forked) f.join();
    }

    private static void run(RangeBody body, int lo, int hi) {
        try {
            body.run(lo, hi);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
