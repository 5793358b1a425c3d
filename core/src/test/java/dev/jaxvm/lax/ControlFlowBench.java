package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;

/**
 * A quick timing loop (not a test): per-iteration cost of jitted control flow, a fori_loop of 10,000
 * steps on f32[16], a scan over f32[10000,16] and a while_loop of 10,000 steps; best of 10 after warm-up.
 * Peer: {@code tools/bench_controlflow_jax.py}.
 */
final class ControlFlowBench {
    private ControlFlowBench() {}

    static double bestMs(Fn1 f, Array x, int reps) {
        for (int i = 0; i < 3; i++) f.apply(x);
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            f.apply(x).toFloatArray();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Arrays.stream(ms).min().orElseThrow();
    }

    public static void main(String[] args) {
        int n = 10_000;
        Array x = Jnp.ones(16).astype(DType.FLOAT32);
        Fn1 fori = Jax.jit((Array v) -> Lax.foriLoop(0, n, (Array i, Array c) -> c.mul(0.999f).add(1f), v));
        Fn1 scan = Jax.jit((Array xs) -> Lax.scan((Array c, Array r) -> new ScanResult<>(c.add(r), c), Jnp.zeros(16).astype(DType.FLOAT32), xs).ys());
        Fn1 wl = Jax.jit((Array v) -> Lax.whileLoop((Array c) -> c.sum().lt(1e9f), c -> c.mul(1.001f), v));
        System.out.printf("fori_loop %d steps f32[16]: %.2f ms (%.2f us/step)%n", n, bestMs(fori, x, 10), bestMs(fori, x, 10) * 1e3 / n);
        Array xs = Jnp.ones(n, 16).astype(DType.FLOAT32);
        System.out.printf("scan %d steps f32[16]: %.2f ms%n", n, bestMs(scan, xs, 10));
        System.out.printf("while_loop (sum < 1e9, x1.001, %d steps): %.2f ms%n", 15_000, bestMs(wl, x, 10));
    }
}
