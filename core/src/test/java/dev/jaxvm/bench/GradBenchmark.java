package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.Fn1;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.DType;
import dev.jaxvm.numpy.Jnp;
import java.util.Random;

/**
 * The reverse-mode cost benchmark of issue 4 (not a test): times a jitted forward pass and its
 * jitted gradient, and prints their ratio. Run with
 * {@code java -cp core/target/classes:core/target/test-classes dev.jaxvm.bench.GradBenchmark}.
 */
public final class GradBenchmark {
    private GradBenchmark() {}

    public static void main(String[] args) {
        int n = 1 << 20;
        Array x = random(n, 1), y = random(n, 2);
        Fn2 loss = (a, b) -> Jnp.sum(Jnp.sin(a).add(Jnp.cos(b).mul(2)));
        Fn2 fwd = Jax.jit(loss);
        Fn2 grad = Jax.jit(Jax.grad(loss, 0));
        double tf = time(() -> fwd.apply(x, y));
        double tg = time(() -> grad.apply(x, y));
        System.out.printf("sum(sin(x) + 2 cos(y)), 1M floats: forward %.1f ms, grad %.1f ms, ratio %.2f%n", tf, tg, tg / tf);
        mlp();
    }

    /** A 3-layer tanh MLP on a batch of 64 x 256, squared-error loss, gradient with respect to all weights. */
    private static void mlp() {
        int b = 64, h = 256;
        Array x = random(b * h, 3).reshape(b, h), w1 = scaled(h * h, 4, h), w2 = scaled(h * h, 5, h), w3 = scaled(h, 6, h);
        dev.jaxvm.FnN loss = a -> {
            Array h1 = dev.jaxvm.lax.Lax.tanh(Jnp.matmul(a[0], a[1]));
            Array h2 = dev.jaxvm.lax.Lax.tanh(Jnp.matmul(h1, a[2]));
            Array out = Jnp.matmul(h2, a[3]);
            return Jnp.sum(Jnp.multiply(out, out));
        };
        dev.jaxvm.FnN fwd = Jax.jitN(loss);
        dev.jaxvm.FnN grad = Jax.jitN(Jax.gradN(loss, 1, 2, 3));
        double tf = time(() -> fwd.apply(x, w1.reshape(h, h), w2.reshape(h, h), w3.reshape(h, 1)));
        double tg = time(() -> grad.apply(x, w1.reshape(h, h), w2.reshape(h, h), w3.reshape(h, 1)));
        System.out.printf("3-layer MLP loss (64x256, 256x256 x2, 256x1): forward %.1f ms, grad %.1f ms, ratio %.2f%n", tf, tg,
                tg / tf);
    }

    private static Array scaled(int n, long seed, int fanIn) { return random(n, seed).mul((float) (1 / Math.sqrt(fanIn))); }

    private static Array random(int n, long seed) {
        Random r = new Random(seed);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = r.nextFloat();
        return DenseArray.of(ArrayType.of(DType.FLOAT32, n), d);
    }

    private static double time(Runnable r) {
        for (int i = 0; i < 3; i++) r.run();
        int reps = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t0) / 1e6 / reps;
    }
}
