package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Lax.whileLoop} and {@code Lax.foriLoop}: values eagerly and under jit (compiled, not evaluated), and JAX's errors. */
class WhileLoopTest {
    /** A pytree carry. */
    public record State(Array i, Array x) {}

    @Test
    void doublesUntilAboveABound() {
        Array r = Lax.whileLoop((Array c) -> c.lt(100), c -> c.mul(2), Jnp.asarray(3));
        assertEquals(192, ((Number) r.item()).intValue());
    }

    @Test
    void recordCarryAndWeakScalarPromotion() {
        // i counts steps; x halves: 1.0 -> 1/2^10 after 10 steps. The Java 1 (weak i32) stays int; 1.0 weak f32.
        State s = Lax.whileLoop((State c) -> c.i().lt(10), c -> new State(c.i().add(1), c.x().mul(0.5f)),
                new State(Jnp.asarray(0), Jnp.asarray(1.0)));
        assertEquals(10, ((Number) s.i().item()).intValue());
        assertEquals(Math.pow(2, -10), ((Number) s.x().item()).doubleValue(), 1e-9);
        // a weak int carry the body turns into floats is promoted to float, as JAX does
        Array p = Lax.whileLoop((Array c) -> c.lt(3), c -> c.add(Jnp.asarray(new float[] {1.5f}).reshape()), Jnp.asarray(0));
        assertEquals(3.0, ((Number) p.item()).doubleValue(), 1e-6);   // 0 -> 1.5 -> 3.0
    }

    @Test
    void jitCompilesTheLoopWithoutFallingBack() {
        var f = Jax.jit((Array x) -> Lax.whileLoop((Array c) -> c.sum().lt(1000), c -> c.mul(2).add(1), x));
        Array x = Jnp.array(new float[] {1, 2, 3});
        assertArrayEquals(Lax.whileLoop((Array c) -> c.sum().lt(1000), c -> c.mul(2).add(1), x).toFloatArray(),
                f.apply(x).toFloatArray());
        // closed form: c_k = 2^k (c_0 + 1) - 1; the sum first exceeds 1000 at k = 7: (2^7 * 9 - 3)
        assertArrayEquals(new float[] {255, 383, 511}, f.apply(x).toFloatArray());
        String kernels = f.lower(x).compile().asText();
        assertTrue(kernels.contains("library") && kernels.contains("while["), kernels);
        assertFalse(kernels.contains("no lowering"), kernels);
    }

    @Test
    void foriLoopConcreteAndTracedBoundsAgree() {
        // sum of i^2 for i in [2, 7) = 4 + 9 + 16 + 25 + 36 = 90
        Array concrete = Lax.foriLoop(2, 7, (Array i, Array acc) -> acc.add(i.mul(i)), Jnp.asarray(0));
        assertEquals(90, ((Number) concrete.item()).intValue());
        var traced = Jax.jit((Array hi) -> Lax.foriLoop(2, hi, (Array i, Array acc) -> acc.add(i.mul(i)), Jnp.asarray(0)));
        assertEquals(90, ((Number) traced.apply(Jnp.asarray(7)).item()).intValue());
        assertEquals(0, ((Number) traced.apply(Jnp.asarray(1)).item()).intValue());
        assertTrue(Jax.makeJaxpr((Array x) -> Lax.foriLoop(0, 3, (Array i, Array a) -> a.add(x), x)).apply(1.0f)
                .toString().contains("scan["));
    }

    @Test
    void javaControlFlowOnATracedValuePointsToLaxControlFlow() {
        var e = assertThrows(dev.jaxvm.core.ConcretizationTypeError.class, () -> Jax.jit((Array x) -> {
            Array c = x;
            while ((Boolean) c.sum().lt(10).item()) c = c.mul(2);   // a Java loop on a traced condition
            return c;
        }).apply(Jnp.ones(3)));
        assertTrue(e.getMessage().contains("Lax.cond") && e.getMessage().contains("Lax.whileLoop"), e.getMessage());
        // the fix the message suggests
        var fixed = Jax.jit((Array x) -> Lax.whileLoop((Array c) -> c.sum().lt(10), c -> c.mul(2), x));
        assertArrayEquals(new float[] {4, 4, 4}, fixed.apply(Jnp.ones(3)).toFloatArray());
    }

    @Test
    void errorsInJaxWords() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Lax.whileLoop((Array c) -> c.lt(3), c -> Jnp.zeros(3), Jnp.zeros(2)));
        assertEquals("cond_fun must return a boolean scalar, but got output type(s) [ShapedArray(bool[2])].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Lax.whileLoop((Array c) -> c.sum().lt(3), c -> Jnp.zeros(3), Jnp.zeros(2)));
        assertEquals("while_loop body function carry input and carry output must have equal types, but they differ:\n\n"
                + "The input carry has type float32[2] but the corresponding output carry component has type float32[3],"
                + " so the shapes do not match.\n\nRevise the function so that all output types match the corresponding"
                + " input types.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Lax.foriLoop(Jnp.asarray(0).astype(dev.jaxvm.DType.INT16), Jnp.asarray(3).astype(dev.jaxvm.DType.INT32),
                        (Array i, Array a) -> a, Jnp.asarray(0.0)));
        assertEquals("lower and upper arguments to fori_loop must have equal types, got int16 and int32", e.getMessage());
        assertEquals(List.of(), List.of());
    }
}
