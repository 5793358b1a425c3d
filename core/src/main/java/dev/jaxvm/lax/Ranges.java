package dev.jaxvm.lax;

import dev.jaxvm.compile.Loops;

/**
 * How a reference loop over independent indices runs: on the calling thread (the reference
 * evaluation) or split over the compiler's pool (the same loop as a library kernel).
 */
@FunctionalInterface
interface Ranges {
    /** Runs {@code body} over {@code [0, n)}; {@code work} is the rough cost of one index. */
    void run(int n, long work, Loops.Body body);

    /** One range, on the calling thread. */
    Ranges SEQUENTIAL = (n, work, body) -> body.run(0, n);

    /** Split over up to {@code threads} threads of the compiler's pool. */
    static Ranges parallel(int threads) { return (n, work, body) -> Loops.forRange(n, work, threads, body); }
}
