package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn1;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Intermediate buffers are reused within one call ({@link BufferPlan}) without changing results. */
class BufferPlanTest {
    private static final int N = 24;

    /** Maps separated by matrix products (library kernels), so they cannot fuse. */
    private static Array chain(Array x) {
        Array a = Jnp.sin(x);
        Array b = Jnp.matmul(a, a);
        Array c = Jnp.cos(b);
        Array d = Jnp.matmul(c, c);
        Array e = Jnp.tanh(d);
        Array f = Jnp.matmul(e, e);
        return Jnp.multiply(f, 0.5);
    }

    private static Array input(int seed) {
        float[] v = new float[N * N];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(0.37 * i + seed) * 0.3f;
        return Jnp.reshape(Jnp.array(v), N, N);
    }

    /** The same chain op by op (eager: one program per operation, no plan across them). */
    private static float[] eager(Array x) { return chain(x).toFloatArray(); }

    @Test
    void chainReusesDeadIntermediatesAndKeepsValues() {
        JitFn1 f = Jax.jit(BufferPlanTest::chain);
        Array x = input(0);
        Executable e = f.lower(x).compile();
        String text = e.asText();
        Matcher m = Pattern.compile("b(\\d+) \\(reuses b(\\d+)\\)").matcher(text);
        int reuses = 0;
        while (m.find()) reuses++;
        assertTrue(reuses >= 2, "expected the maps after the products to reuse dead buffers:\n" + text);
        float[] want = eager(x);
        for (int call = 0; call < 3; call++) assertArrayEquals(want, f.apply(x).toFloatArray(), 1e-5f, "call " + call);
    }

    @Test
    void resultsOfEarlierCallsStayIntact() {
        JitFn1 f = Jax.jit(BufferPlanTest::chain);
        Array r0 = f.apply(input(0));
        float[] snapshot = r0.toFloatArray();
        f.apply(input(1));
        f.apply(input(2));
        assertArrayEquals(snapshot, r0.toFloatArray(), 0f);
    }

    @Test
    void concurrentCallsStayCorrect() throws Exception {
        JitFn1 f = Jax.jit(BufferPlanTest::chain);
        int seeds = 6;
        List<float[]> want = new ArrayList<>();
        List<Array> xs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            xs.add(input(s));
            want.add(eager(xs.get(s)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int t0 = t;
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 30; k++) {
                        int s = (t0 + k) % seeds;
                        assertArrayEquals(want.get(s), f.apply(xs.get(s)).toFloatArray(), 1e-5f, "seed " + s);
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) d.get();
        } finally {
            pool.shutdown();
        }
    }

    /** Row softmaxes (whose row groups keep intermediates in per-thread chunk buffers) between products. */
    private static Array softmaxChain(Array x) {
        Array a = x;
        for (int k = 0; k < 3; k++) {
            Array m = Jnp.max(a, new int[] {1}, true);
            Array e = Jnp.exp(Jnp.subtract(a, m));
            a = Jnp.matmul(Jnp.divide(e, Jnp.sum(e, new int[] {1}, true)), x);
        }
        return a;
    }

    @Test
    void rowGroupsWithChunkBuffersStayCorrect() throws Exception {
        float[] v = new float[128 * 128];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.cos(0.11 * i);
        Array x = Jnp.reshape(Jnp.array(v), 128, 128);
        float[] want = softmaxChain(x).toFloatArray();
        JitFn1 f = Jax.jit(BufferPlanTest::softmaxChain);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) assertArrayEquals(want, f.apply(x).toFloatArray(), 1e-4f);
                    return null;
                }));
            }
            for (Future<?> d : done) d.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void neverReusesInputsOrOutputs() {
        // every output and input must appear only as itself in the plan
        JitFn1 f = Jax.jit((Array x) -> {
            Array a = Jnp.exp(x);
            Array s = Jnp.sum(a);
            Array b = Jnp.divide(a, s);
            Array t = Jnp.max(b);
            return Jnp.multiply(b, t);
        });
        Array x = Jnp.array(new float[] {1, 2, 3, 4, 5});
        Executable e = f.lower(x).compile();
        Program p = e.program();
        Matcher m = Pattern.compile("b(\\d+) \\(reuses b(\\d+)\\)").matcher(e.asText());
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                int b = Integer.parseInt(m.group(g));
                assertTrue(b >= p.inputs() && !p.outputs().contains(b) && !p.constants().containsKey(b), e.asText());
            }
        }
        float[] got = f.apply(x).toFloatArray();
        double s = 0;
        for (int i = 1; i <= 5; i++) s += Math.exp(i);
        for (int i = 0; i < 5; i++) {
            double b = Math.exp(i + 1) / s;
            assertEquals(b * (Math.exp(5) / s), got[i], 1e-6);
        }
    }
}
