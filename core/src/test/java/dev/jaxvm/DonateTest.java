package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code donateArgnums}, as JAX 0.10.2's {@code donate_argnums} (behaviour checked there on CPU):
 * a used donation deletes the argument, an unusable one leaves it alive, tracers ignore it.
 */
class DonateTest {
    private static final String DELETED = "Array has been deleted with shape=float32[3].";

    private static Array x3() { return Jnp.array(new float[] {0, 1, 2}); }

    private static float[] sinPlus(float[] x, float[] y) {
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) r[i] = (float) Math.sin(x[i]) + y[i];
        return r;
    }

    @Test
    void usedDonationDeletesTheArgument() {
        JitFn2 f = Jax.jit((Array x, Array y) -> Jnp.add(Jnp.sin(x), y)).donateArgnums(0);
        Array x = x3(), y = Jnp.ones(3);
        Object xData = ((DenseArray) x).buffer();
        Array r = f.apply(x, y);
        assertArrayEquals(sinPlus(new float[] {0, 1, 2}, new float[] {1, 1, 1}), r.toFloatArray(), 1e-6f);
        assertTrue(x.isDeleted());
        assertFalse(y.isDeleted());
        assertFalse(r.isDeleted());
        assertTrue(xData == ((DenseArray) r).buffer(), "the result was written into the donated data");
        // any use raises JAX's error
        assertEquals(DELETED, assertThrows(IllegalStateException.class, () -> Jnp.add(x, 1)).getMessage());
        assertEquals(DELETED, assertThrows(IllegalStateException.class, x::toFloatArray).getMessage());
        assertEquals(DELETED, assertThrows(IllegalStateException.class, x::toString).getMessage());
        assertEquals(DELETED, assertThrows(IllegalStateException.class, () -> f.apply(x, y)).getMessage());
    }

    @Test
    void resultsCanBeDonatedAgain() {
        JitFn2 f = Jax.jit((Array x, Array y) -> Jnp.add(Jnp.multiply(x, 2), y)).donateArgnums(0);
        Array y = Jnp.ones(3);
        Array a = x3();
        Array b = f.apply(a, y);
        Array c = f.apply(b, y);
        assertTrue(a.isDeleted() && b.isDeleted());
        assertArrayEquals(new float[] {3, 7, 11}, c.toFloatArray());
    }

    @Test
    void unusableDonationLeavesTheArgumentAlive() {
        // as JAX on CPU: no output can take x's data (another shape), so x is not deleted
        JitFn2 sum = Jax.jit((Array x, Array y) -> Jnp.sum(y)).donateArgnums(0);
        Array x = x3();
        assertEquals(3f, sum.apply(x, Jnp.ones(3)).toFloatArray()[0]);
        assertFalse(x.isDeleted());
        JitFn1 head = Jax.jit((Array v) -> Jnp.multiply(Jnp.array(new float[] {1, 2}), 2)).donateArgnums(0);
        head.apply(x);
        assertFalse(x.isDeleted());
        assertArrayEquals(new float[] {0, 1, 2}, x.toFloatArray());
        // as JAX: an argument the program does not read is not donated, even when an output could take it
        JitFn2 twice = Jax.jit((Array u, Array v) -> Jnp.multiply(v, 2)).donateArgnums(0);
        assertArrayEquals(new float[] {2, 2, 2}, twice.apply(x, Jnp.ones(3)).toFloatArray());
        assertFalse(x.isDeleted());
    }

    @Test
    void neverWritesOverDataStillToBeRead() {
        // the map reads x at another element than it writes: writing into x's data would be wrong, so
        // jaxvm does not take it (XLA would copy; jaxvm deletes only arrays whose data it really takes)
        JitFn1 f = Jax.jit((Array v) -> Jnp.add(v, Jnp.flip(v))).donateArgnums(0);
        Array x = Jnp.array(new float[] {1, 2, 3, 4, 5});
        assertArrayEquals(new float[] {6, 6, 6, 6, 6}, f.apply(x).toFloatArray());
        assertFalse(x.isDeleted());
        // read by an earlier kernel (a reduction) then free: the later map may take it
        JitFn1 g = Jax.jit((Array v) -> Jnp.subtract(Jnp.exp(v), Jnp.sum(v))).donateArgnums(0);
        Array y = Jnp.array(new float[] {0, 1, 2});
        float[] want = {(float) (1 - 3), (float) (Math.E - 3), (float) (Math.exp(2) - 3)};
        assertArrayEquals(want, g.apply(y).toFloatArray(), 1e-5f);
    }

    @Test
    void returningTheDonatedArgumentMovesItsData() {
        // as JAX: jit(lambda x: x, donate_argnums=0)(x) deletes x and returns a new array with its data
        JitFn1 id = Jax.jit((Array v) -> v).donateArgnums(0);
        Array x = x3();
        Array r = id.apply(x);
        assertTrue(x.isDeleted());
        assertTrue(r != x);
        assertArrayEquals(new float[] {0, 1, 2}, r.toFloatArray());
        Array r2 = id.apply(r);
        assertTrue(r.isDeleted());
        assertArrayEquals(new float[] {0, 1, 2}, r2.toFloatArray());
    }

    @Test
    void sharedDataIsNeverWrittenInto() {
        DenseArray x = DenseArray.of(ArrayType.of(DType.FLOAT32, 3), new float[] {0, 1, 2});
        DenseArray view = x.reshaped(Shape.of(3, 1));
        JitFn1 f = Jax.jit((Array v) -> Jnp.exp(v)).donateArgnums(0);
        Array r = f.apply(x);
        assertFalse(x.isDeleted());
        assertArrayEquals(new float[] {0, 1, 2}, view.toFloatArray());
        assertArrayEquals(new float[] {1, (float) Math.E, (float) Math.exp(2)}, r.toFloatArray(), 1e-6f);
    }

    @Test
    void donatingAnArgumentPassedTwiceIsAnError() {
        JitFn2 f = Jax.jit((Array x, Array y) -> Jnp.add(Jnp.sin(x), y)).donateArgnums(0);
        Array x = x3();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.apply(x, x)).getMessage()
                .contains("Attempt to use a buffer that was previously donated"));
        assertFalse(x.isDeleted());
    }

    @Test
    void donationIsIgnoredUnderTransformations() {
        JitFn2 f = Jax.jit((Array x, Array y) -> Jnp.add(Jnp.sin(x), y)).donateArgnums(0);
        Array x = x3();
        Array r = Jax.jit((Array v) -> Jnp.multiply(f.apply(v, v), 2)).apply(x);
        assertFalse(x.isDeleted());
        float[] want = sinPlus(new float[] {0, 1, 2}, new float[] {0, 1, 2});
        for (int i = 0; i < 3; i++) want[i] *= 2;
        assertArrayEquals(want, r.toFloatArray(), 1e-6f);
        Array g = Jax.grad((Array v) -> Jnp.sum(f.apply(v, Jnp.ones(3)))).apply(x);
        assertFalse(x.isDeleted());
        assertArrayEquals(new float[] {1, (float) Math.cos(1), (float) Math.cos(2)}, g.toFloatArray(), 1e-6f);
    }

    @Test
    void pytreeAndNegativePositions() {
        JitFnN f = Jax.jitN(a -> {
            @SuppressWarnings("unchecked") List<Array> xs = (List<Array>) a[0];
            return List.of(Jnp.add(xs.get(0), (Array) a[1]), Jnp.multiply(xs.get(1), (Array) a[1]));
        }).donateArgnums(-2);
        Array p = x3(), q = x3(), s = Jnp.full(new int[] {3}, 2f);
        @SuppressWarnings("unchecked") List<Array> out = (List<Array>) f.apply(List.of(p, q), s);
        assertTrue(p.isDeleted() && q.isDeleted());
        assertFalse(s.isDeleted());
        assertArrayEquals(new float[] {2, 3, 4}, out.get(0).toFloatArray());
        assertArrayEquals(new float[] {0, 2, 4}, out.get(1).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> Jax.jitN(a -> a[0]).donateArgnums(3).apply(x3()));
    }

    @Test
    void concurrentDonationsOfOneArrayDeleteItOnce() throws Exception {
        JitFn1 f = Jax.jit((Array v) -> Jnp.add(v, 1)).donateArgnums(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Array x = x3();
                List<Future<Array>> calls = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) calls.add(pool.submit(() -> f.apply(x)));
                int ok = 0;
                for (Future<Array> c : calls) {
                    try {
                        assertArrayEquals(new float[] {1, 2, 3}, c.get().toFloatArray());
                        ok++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertEquals(DELETED, e.getCause().getMessage());
                    }
                }
                assertTrue(ok >= 1 && x.isDeleted(), "one call took the data");
            }
            // large arrays: a call that read the data while another call took it raises rather than
            // returning values computed from overwritten data
            int n = 200_000;
            float[] v = new float[n], want = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = i;
                want[i] = i + 1;
            }
            for (int round = 0; round < 5; round++) {
                Array x = Jnp.array(v);
                List<Future<Array>> calls = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) calls.add(pool.submit(() -> f.apply(x)));
                for (Future<Array> c : calls) {
                    try {
                        assertArrayEquals(want, c.get().toFloatArray());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause().getMessage().startsWith("Array has been deleted with shape=float32[200000]"),
                                e.getCause().toString());
                    }
                }
                assertTrue(x.isDeleted());
            }
        } finally {
            pool.shutdown();
        }
    }
}
