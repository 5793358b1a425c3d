package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Manual timing probe (run with -Dtest=PrngProbe -Dprobe=true, or its main with the test classpath;
 * -Dprobe.legacy=true for the non-partitionable mode; -Dprobe.only=bits,uniform to pick samplers); skipped
 * otherwise. Prints the best wall time and the process CPU time per call, which a shared machine's load
 * inflates far less (with {@code -Djaxvm.threads=1}, the single thread's work).
 */
public class PrngProbe {
    @Test
    void probe() {
        if (Boolean.getBoolean("probe")) main(new String[0]);
    }

    /** Runs the probe. */
    public static void main(String[] args) {
        if (Boolean.getBoolean("probe.legacy")) Jax.config().threefryPartitionable(false);
        int n = Integer.getInteger("probe.n", 10_000_000);
        KeyArray key = Random.key(0);
        run("bits", key, k -> Random.bits(k, new int[] {n}));
        run("uniform", key, k -> Random.uniform(k, new int[] {n}));
        run("normal", key, k -> Random.normal(k, new int[] {n}));
    }

    private static int n0(Array a) { return a.size(); }

    private static void run(String name, KeyArray key, Function<KeyArray, Array> f) {
        if (!System.getProperty("probe.only", name).contains(name)) return;
        JitFunction<KeyArray, Array> j = Jax.jit(f::apply);
        if (Boolean.getBoolean("probe.text")) System.out.println(j.lower(key).compile().asText());
        double best = 1e9;
        java.time.Duration cpu0 = java.time.Duration.ZERO;
        for (int r = 0; r < 12; r++) {
            if (r == 2) cpu0 = cpu();
            long t = System.nanoTime();
            Array a = j.apply(key);
            if (a.size() != n0(a)) throw new AssertionError();
            double ms = (System.nanoTime() - t) / 1e6;
            if (r >= 2) best = Math.min(best, ms);
        }
        double cpuMs = cpu().minus(cpu0).toNanos() / 1e6 / 10;
        System.out.printf("PROBE %s best %.1f ms, process CPU %.1f ms per call (mean of 10)%n", name, best, cpuMs);
    }

    /** The process's CPU time so far (all threads; on a loaded machine, the work done rather than the wait). */
    private static java.time.Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }
}
