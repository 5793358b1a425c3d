package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Corner cases: constant branch results, zero-length loops, jit inside a body, a loop inside a jitted loop. */
class ControlFlowEdgeCasesTest {
    @Test
    void branchesReturningJavaScalarsAndForwardedOperands() {
        var f = Jax.jit((Array x) -> Lax.cond(x.sum().gt(0), (Array v) -> Jnp.asarray(1.0), (Array v) -> Jnp.asarray(2.0), x));
        assertEquals(1.0, ((Number) f.apply(Jnp.ones(2)).item()).doubleValue());
        assertEquals(2.0, ((Number) f.apply(Jnp.ones(2).neg()).item()).doubleValue());
        // one branch forwards its operand, the other computes
        var g = Jax.jit((Array x) -> Lax.cond(x.sum().gt(0), (Array v) -> v, (Array v) -> v.mul(3), x));
        assertArrayEquals(new float[] {-3, -3}, g.apply(Jnp.ones(2).neg()).toFloatArray());
    }

    @Test
    void zeroLengthLoops() {
        ScanResult<Array, Array> r = Lax.scan((Array c, Array x) -> new ScanResult<>(c.add(x), c.mul(x)), Jnp.asarray(1.0f),
                Jnp.zeros(0, 3).astype(DType.FLOAT32).sum(1));
        assertEquals(1.0f, ((Number) r.carry().item()).floatValue());
        assertArrayEquals(new int[] {0}, r.ys().shape());
        Array x = Jnp.array(new float[] {1, 2});
        assertArrayEquals(x.toFloatArray(), Lax.foriLoop(5, 2, (Array i, Array c) -> c.mul(2), x).toFloatArray());
        assertArrayEquals(x.toFloatArray(), Jax.jit((Array v) -> Lax.foriLoop(5, 2, (Array i, Array c) -> c.mul(2), v)).apply(x)
                .toFloatArray());
    }

    @Test
    void jitInsideABodyAndLoopsInsideLoops() {
        var inner = Jax.jit((Array v) -> v.mul(2).add(1));
        // sum over i < 3 of (sum over j < i of 1): 0 + 1 + 2 = 3, as nested fori loops with traced inner bounds
        var nested = Jax.jit((Array n) -> Lax.foriLoop(0, n, (Array i, Array acc) ->
                Lax.foriLoop(0, i, (Array j, Array a) -> a.add(1), acc), Jnp.asarray(0)));
        assertEquals(3, ((Number) nested.apply(Jnp.asarray(3)).item()).intValue());
        Array y = Lax.foriLoop(0, 3, (Array i, Array c) -> inner.apply(c), Jnp.array(new float[] {0, 1}));
        assertArrayEquals(new float[] {7, 15}, y.toFloatArray());   // c -> 2c + 1, three times
        assertEquals(List.of(), List.of());
    }
}
