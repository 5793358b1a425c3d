package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ConcretizationTypeError;
import dev.jaxvm.core.EscapedTracerError;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TracingErrorsTest {
    private static final ArrayType F3 = ArrayType.of(DType.FLOAT32, 3);

    private static void assertConcretization(Runnable r, String what) {
        var e = assertThrows(ConcretizationTypeError.class, r::run);
        assertTrue(e.getMessage().startsWith("Abstract tracer value encountered where concrete value is expected: "
                + what), e.getMessage());
        assertTrue(e.getMessage().contains("Jnp.where") && e.getMessage().contains("staticArgnums"), e.getMessage());
    }

    @Test
    void itemOfATracerUnderJit() {
        JitFn1 f = Jax.jit(x -> Jnp.asarray(((Number) x.item()).floatValue() + 1));
        assertConcretization(() -> f.apply(Jnp.array(1.0f)), "item()");
    }

    @Test
    void javaIfOnATracedComparison() {
        assertConcretization(() -> Jax.makeJaxpr(x -> x.gt(0).toBooleanArray()[0] ? x : x.neg()).apply(F3),
                "toBooleanArray()");
        assertConcretization(() -> Jax.makeJaxpr(x -> Jnp.array(x.toFloatArray())).apply(F3), "toFloatArray()");
        assertConcretization(() -> Jax.jit((Array x) -> Jnp.zeros(x.toIntArray())).apply(Jnp.array(new int[] {2})),
                "toIntArray()");
    }

    @Test
    void whatToUseInstead() {
        // the suggested fixes work: a select, or a static argument
        JitFn1 f = Jax.jit(x -> Lax.select(x.gt(0.0), x, x.neg()));
        assertArrayEquals(new float[] {1, 2}, f.apply(Jnp.array(new float[] {-1, 2})).toFloatArray());
        JitFnN g = Jax.jitN(a -> ((Array) a[1]).toBooleanArray()[0] ? a[0] : Jnp.negative(a[0])).staticArgnums(1);
        var e = assertThrows(IllegalArgumentException.class, () -> g.call(Jnp.ones(1), Jnp.array(true)));
        assertTrue(e.getMessage().startsWith("Non-hashable static arguments"), e.getMessage());
        JitFnN h = Jax.jitN(a -> (boolean) a[1] ? a[0] : Jnp.negative(a[0])).staticArgnums(1);
        assertArrayEquals(new float[] {-1}, h.call(Jnp.ones(1), false).toFloatArray());
    }

    @Test
    void escapedTracerUsedAfterItsTraceReturned() {
        AtomicReference<Array> leak = new AtomicReference<>();
        Jax.makeJaxpr(x -> {
            leak.set(x);
            return Jnp.sin(x);
        }).apply(F3);
        var e = assertThrows(EscapedTracerError.class, () -> Jnp.sin(leak.get()));
        assertTrue(e.getMessage().contains("escaped"), e.getMessage());
        // also inside another, unrelated trace
        assertThrows(EscapedTracerError.class, () -> Jax.makeJaxpr(y -> y.add(leak.get())).apply(F3));
        // and through a jitted function's cache: the second trace must not reuse the first's tracer
        assertThrows(EscapedTracerError.class, () -> Jax.jit((Array y) -> y.mul(leak.get())).apply(Jnp.ones(3)));
    }

    @Test
    void tracerUsedFromAnotherThread() {
        var e = assertThrows(EscapedTracerError.class, () -> Jax.makeJaxpr(x -> {
            try {
                return CompletableFuture.supplyAsync(() -> Jnp.sin(x)).get();
            } catch (ExecutionException ex) {
                throw (RuntimeException) ex.getCause();
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }).apply(F3));
        assertTrue(e.getMessage().contains("on thread"), e.getMessage());
        assertTrue(e.getMessage().contains("tracing state is confined to the tracing thread"), e.getMessage());
    }

    @Test
    void shapeErrorsAtTraceTime() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Jax.makeJaxpr((Array x, Array y) -> x.add(y)).apply(F3, ArrayType.of(DType.FLOAT32, 4)));
        assertTrue(e.getMessage().contains("incompatible shapes"), e.getMessage());
    }
}
