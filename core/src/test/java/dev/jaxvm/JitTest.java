package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitTest {
    record Params(Array w, Array b) {}

    static final class Doubler implements Fn1 {
        @Override
        public Array apply(Array x) { return x.mul(2.0); }
    }

    @Test
    void evaluatesLikeEager() {
        Fn2 f = (x, y) -> Jnp.sin(x).mul(y).add(1.0).sum(0);
        Array x = Jnp.array(new float[][] {{0.5f, 1}, {2, 3}});
        Array y = Jnp.array(new float[] {3, 4});
        assertArrayEquals(f.apply(x, y).toFloatArray(), Jax.jit(f).apply(x, y).toFloatArray(), 0f);
        var kernel = Jax.jit((Array p, Array k) -> Jnp.stack(List.of(p.get(":, :, 0").mul(k).sum(),
                p.get(":, :, 1").mul(k).sum()), -1));
        int[][][] data = new int[3][3][2];
        for (int i = 0; i < 18; i++) data[i / 6][(i / 2) % 3][i % 2] = i;
        Array p = Jnp.array(data, DType.UINT8);
        Array k = Jnp.array(new int[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}});
        assertArrayEquals(new int[] {8, 9}, kernel.apply(p, k).toIntArray());
    }

    @Test
    void tracesOncePerTypeAndRetracesOnNewTypes() {
        AtomicInteger sideEffects = new AtomicInteger();
        JitFn1 f = Jax.jit(x -> {
            sideEffects.incrementAndGet();
            return x.mul(x).sum();
        });
        Array a = Jnp.array(new float[] {0, 1, 2, 3, 4});
        for (int i = 0; i < 3; i++) assertEquals(30f, (float) f.apply(a).item());
        assertEquals(1, f.traceCount());
        assertEquals(1, f.cacheSize());
        assertEquals(1, sideEffects.get());
        f.apply(Jnp.array(new float[] {9, 9, 9, 9, 9})); // same type: cached
        assertEquals(1, f.traceCount());
        f.apply(Jnp.array(new float[] {1, 2}));          // new shape
        f.apply(Jnp.array(new int[] {1, 2}));            // new dtype
        assertEquals(3, f.traceCount());
        assertEquals(3, sideEffects.get());
    }

    @Test
    void weakTypeIsPartOfTheKey() {
        JitFnN f = Jax.jitN(a -> Jnp.multiply(a[0], 2));
        assertEquals(0f, (float) f.call(Jnp.array(0f, DType.FLOAT32)).item()); // strong f32, as jnp.float32(0)
        assertEquals(0f, (float) f.call(0.0f).item());           // Java scalar: weak f32
        assertEquals(2, f.traceCount());
        assertEquals(DType.FLOAT32, f.call(1.0f).dtype());
        assertEquals(true, f.call(1.0f).weakType());
        assertEquals(false, f.call(Jnp.array(1f, DType.FLOAT32)).weakType());
        assertEquals(2, f.traceCount());
    }

    @Test
    void staticArgumentsAreKeysByValueAndClass() {
        AtomicInteger traces = new AtomicInteger();
        JitFnN f = Jax.jitN(a -> {
            traces.incrementAndGet();
            Array x = (Array) a[0];
            // Java control flow on static arguments is fine
            return (boolean) a[2] ? x.mul((Number) a[1]) : x.add((Number) a[1]);
        }).staticArgnums(1, -1);
        Array x = Jnp.array(new float[] {1, 2});
        assertArrayEquals(new float[] {3, 6}, f.call(x, 3, true).toFloatArray());
        assertArrayEquals(new float[] {3, 6}, f.call(Jnp.array(new float[] {1, 2}), 3, true).toFloatArray());
        assertEquals(1, traces.get());
        assertArrayEquals(new float[] {4, 5}, f.call(x, 3, false).toFloatArray());
        assertEquals(2, traces.get());
        f.call(x, 3L, true);   // equal value, other class: retrace (as JAX with 1, True, 1.0)
        f.call(x, 3.0, true);
        assertEquals(4, traces.get());
        assertEquals(4, f.cacheSize());
        var e = assertThrows(IllegalArgumentException.class, () -> f.call(x, x, true));
        assertTrue(e.getMessage().startsWith("Non-hashable static arguments are not supported"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Jax.jitN(a -> (Array) a[0]).staticArgnums(3).call(x));
    }

    @Test
    void pytreeArgumentsAndResults() {
        JitFunction<Params, List<Array>> f = Jax.jit((Params p) -> List.of(p.w().mul(2), p.b().add(p.w().sum())));
        Params p = new Params(Jnp.array(new float[] {1, 2}), Jnp.array(new float[] {10}));
        List<Array> out = f.apply(p);
        assertArrayEquals(new float[] {2, 4}, out.get(0).toFloatArray());
        assertArrayEquals(new float[] {13}, out.get(1).toFloatArray());
        f.apply(new Params(Jnp.array(new float[] {5, 6}), Jnp.array(new float[] {0})));
        assertEquals(1, f.traceCount());
        JitFunction<List<Array>, Array> g = Jax.jit((List<Array> xs) -> Jnp.stack(xs, 0).sum());
        g.apply(List.of(Jnp.ones(2), Jnp.ones(2)));
        g.apply(List.of(Jnp.ones(2), Jnp.ones(2), Jnp.ones(2)));  // new structure
        assertEquals(2, g.traceCount());
        JitFunction<Map<String, Array>, Array> h = Jax.jit((Map<String, Array> m) -> m.get("a").sub(m.get("b")));
        assertArrayEquals(new float[] {-1}, h.apply(Map.of("a", Jnp.ones(1), "b", Jnp.full(new int[] {1}, 2f)))
                .toFloatArray());
    }

    @Test
    void lowerGivesTheTracedProgram() {
        JitFn1 f = Jax.jit(x -> Jnp.sin(x));
        assertEquals("{ lambda ; a:f32[3]. let b:f32[3] = sin a in (b,) }",
                f.lower(ArrayType.of(DType.FLOAT32, 3)).asText());
        assertEquals("{ lambda ; a:i32[2]. let b:i32[2] = mul a 2:i32[] in (b,) }",
                Jax.jit((Array x) -> x.mul(2)).lower(Jnp.array(new int[] {1, 2})).asText());
        assertThrows(IllegalArgumentException.class, () -> f.lower(Jnp.ones(2), Jnp.ones(2)));
        assertEquals("<lambda>", f.name());
        assertEquals("kernel", f.named("kernel").name());
        assertEquals("kernel", Jax.jit(f.named("kernel")).name());
        assertEquals("<lambda>", Jax.jit(Jnp::sin).name());
        assertEquals("Doubler", Jax.jit(new Doubler()).name());
        assertTrue(Jax.makeJaxpr(Jax.jit(new Doubler())).apply(1.0).toString().contains("name=Doubler"));
    }

    @Test
    void makeJaxprWithStaticArguments() {
        MakeJaxpr m = Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            for (int i = 0; i < (int) a[1]; i++) x = Jnp.sin(x);
            return x;
        }).staticArgnums(1);
        assertEquals("{ lambda ; a:f32[]. let b:f32[] = sin a; c:f32[] = sin b in (c,) }", m.apply(1.0, 2).toString());
        assertEquals("{ lambda ; a:f32[]. let  in (a,) }", m.apply(1.0, 0).toString());
    }

    @Test
    void closedOverTracersBecomeArgumentsAndEvaluateCorrectly() {
        ClosedJaxpr j = Jax.makeJaxpr((Array x, Array y) -> Jax.jit((Array z) -> z.mul(x).add(y)).apply(y))
                .apply(ArrayType.of(DType.FLOAT32, 2), ArrayType.of(DType.FLOAT32, 2));
        Array x = Jnp.array(new float[] {2, 3});
        Array y = Jnp.array(new float[] {5, 7});
        Array out = JaxprEval.eval(j, List.of(x, y)).getFirst();
        assertArrayEquals(new float[] {15, 28}, out.toFloatArray());
    }

    @Test
    void nestedJitEvaluatesEagerlyAtTopLevel() {
        JitFn1 inner = Jax.jit(x -> x.mul(3.0));
        JitFn1 outer = Jax.jit(x -> inner.apply(x).add(inner.apply(x.add(1.0))));
        assertArrayEquals(new float[] {9, 15}, outer.apply(Jnp.array(new float[] {1, 2})).toFloatArray());
        assertEquals(1, inner.traceCount());
    }

    @Test
    void concurrentCallsTraceOnce() throws Exception {
        AtomicInteger traces = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        JitFn1 f = Jax.jit(x -> {
            traces.incrementAndGet();
            try {
                Thread.sleep(30); // widen the race window
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return x.mul(2.0).add(1.0);
        });
        int threads = 16;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = 2 + t % 3; // three distinct shapes
                results.add(pool.submit(() -> {
                    start.await();
                    float[] last = null;
                    for (int i = 0; i < 20; i++) {
                        float[] v = new float[n];
                        for (int k = 0; k < n; k++) v[k] = k + i;
                        last = f.apply(Jnp.array(v)).toFloatArray();
                        for (int k = 0; k < n; k++) {
                            if (last[k] != 2 * (k + i) + 1) throw new AssertionError("wrong value " + last[k]);
                        }
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<float[]> r : results) r.get();
        }
        assertEquals(3, traces.get());
        assertEquals(3, f.traceCount());
        assertEquals(3, f.cacheSize());
    }

    @Test
    void failedTraceIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        JitFn1 f = Jax.jit(x -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("first trace fails");
            return x;
        });
        assertThrows(IllegalStateException.class, () -> f.apply(Jnp.ones(2)));
        assertArrayEquals(new float[] {1, 1}, f.apply(Jnp.ones(2)).toFloatArray());
        assertEquals(1, f.cacheSize());
    }
}
