package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn3;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;
import java.util.Random;

/**
 * The vmap benchmark of issue 8 (not a test): per-example gradients of a logistic-regression loss
 * (batch 1024, 1000 features) as {@code jit(vmap(grad(loss)))}, against the hand-written batched
 * gradient under {@code jit} and against a Java loop of {@code jit(grad(loss))} over the examples.
 * Run with {@code java -cp core/target/classes:core/target/test-classes dev.jaxvm.bench.VmapBenchmark}.
 */
public final class VmapBenchmark {
    private VmapBenchmark() {}

    /** {@code log(1 + exp(-y <x, w>))} for one example. */
    static Array loss(Array w, Array x, Array y) {
        return Lax.log1p(Lax.exp(y.neg().mul(x.mul(w).sum())));
    }

    /** The per-example gradients written by hand for the batch: {@code sigmoid(z) * -y * x} row by row. */
    static Array handBatched(Array w, Array xs, Array ys) {
        Array z = ys.neg().mul(xs.mul(w).sum(1));
        Array coef = Lax.logistic(z).mul(ys.neg());
        return coef.reshape(xs.shape()[0], 1).mul(xs);
    }

    public static void main(String[] args) {
        int batch = 1024, features = 1000;
        Array w = random(new int[] {features}, 1, 0.05f);
        Array xs = random(new int[] {batch, features}, 2, 1f);
        Array ys = random(new int[] {batch}, 3, 1f);
        Fn3 perExample = Jax.jit(Jax.vmap(Jax.grad(VmapBenchmark::loss, 0), Arrays.asList(null, 0, 0), 0));
        Fn3 hand = Jax.jit(VmapBenchmark::handBatched);
        Fn3 single = Jax.jit(Jax.grad(VmapBenchmark::loss, 0));
        float[] a = perExample.apply(w, xs, ys).toFloatArray(), b = hand.apply(w, xs, ys).toFloatArray();
        double err = 0;
        for (int i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - b[i]));
        // interleaved rounds, best of each: the machine is shared, so the minimum is the stable figure
        double tv = Double.MAX_VALUE, th = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            tv = Math.min(tv, time(() -> perExample.apply(w, xs, ys), 10));
            th = Math.min(th, time(() -> hand.apply(w, xs, ys), 10));
        }
        Array[] rows = new Array[batch];
        Array[] labels = new Array[batch];
        for (int i = 0; i < batch; i++) {
            rows[i] = Lax.squeeze(Lax.slice(xs, new int[] {i, 0}, new int[] {i + 1, features}, null), 0);
            labels[i] = Lax.squeeze(Lax.slice(ys, new int[] {i}, new int[] {i + 1}, null), 0);
        }
        double tl = time(() -> {
            for (int i = 0; i < batch; i++) single.apply(w, rows[i], labels[i]);
        }, 2);
        System.out.printf("per-example grads, batch %d x %d features: jit(vmap(grad)) %.2f ms, hand-batched %.2f ms"
                + " (ratio %.2f), Java loop of jit(grad) %.1f ms (%.0fx slower); max |diff| %.2g%n",
                batch, features, tv, th, tv / th, tl, tl / tv, err);
    }

    private static Array random(int[] shape, long seed, float scale) {
        Random r = new Random(seed);
        int n = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (float) (r.nextGaussian() * scale);
        return DenseArray.of(ArrayType.of(DType.FLOAT32, shape), d);
    }

    /** The mean time of {@code reps} calls after a warm-up, in milliseconds. */
    private static double time(Runnable r, int reps) {
        for (int i = 0; i < 2; i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t0) / 1e6 / reps;
    }
}
