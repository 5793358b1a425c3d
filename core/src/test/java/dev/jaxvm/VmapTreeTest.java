package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code Jax.vmap} over pytrees (API_BEHAVIOURS.md §5: E11, E14, E17) and with {@code jit} (D10). */
class VmapTreeTest {
    /** A record pytree, as a namedtuple in JAX. */
    record Params(Array w, Array b) {}

    static Array range(int n, int... shape) { return VmapTest.range(n, shape); }

    @Test
    void structuredInAxes() { // E14: ((0, (1, 2)),) with x (6,2,3), y (3,6,4), z (4,5,6)
        Array x = range(36, 6, 2, 3), y = range(72, 3, 6, 4), z = range(120, 4, 5, 6);
        FnN f = args -> {
            List<?> xyz = (List<?>) args[0];
            List<?> yz = (List<?>) xyz.get(1);
            return ((Array) xyz.get(0)).sum().add(((Array) yz.get(0)).sum()).add(((Array) yz.get(1)).sum());
        };
        Array r = (Array) Jax.vmapN(f, List.of(List.of(0, List.of(1, 2))), 0).apply(List.of(x, List.of(y, z)));
        assertArrayEquals(x.sum(1, 2).add(y.sum(0, 2)).add(z.sum(0, 1)).toFloatArray(), r.toFloatArray());
    }

    @Test
    void recordsAndMaps() {
        Params p = new Params(range(6, 3, 2), Jnp.asarray(10f));
        Function<Params, Array> f = q -> q.w().sum().add(q.b());
        Array r = Jax.vmap(f, List.of(Arrays.asList(0, null)), 0, null, null).apply(p);
        assertArrayEquals(new float[] {11, 15, 19}, r.toFloatArray());
        Function<Map<String, Array>, Map<String, Array>> g = m -> Map.of("s", m.get("a").add(m.get("b")));
        Map<String, Array> out = Jax.vmap(g, List.of(Map.of("a", 0, "b", 1)), Map.of("s", 1), null, null)
                .apply(Map.of("a", range(6, 3, 2), "b", range(6, 2, 3)));
        assertArrayEquals(new int[] {2, 3}, out.get("s").shape());
        assertArrayEquals(range(6, 3, 2).T().add(range(6, 2, 3)).toFloatArray(), out.get("s").toFloatArray());
    }

    @Test
    void treeOutAxes() {
        FnN f = args -> List.of(args[0], ((Array) args[0]).mul(2));
        List<?> out = (List<?>) Jax.vmapN(f, 0, List.of(1, 0)).apply(Jnp.ones(3, 4));
        assertArrayEquals(new int[] {4, 3}, ((Array) out.get(0)).shape());
        assertArrayEquals(new int[] {3, 4}, ((Array) out.get(1)).shape());
        assertEquals("at vmap out_axes[1], got axis spec None but output was batched on axis 0",
                assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> List.of(a[0], ((Array) a[0]).sum()), 0,
                        Arrays.asList(1, null)).apply(Jnp.ones(3, 4))).getMessage());
    }

    @Test
    void nonArrayArgumentsPassThroughWhenUnbatched() { // E17
        Fn1 inc = x -> x.add(1);
        Array r = (Array) Jax.vmapN(a -> ((Fn1) a[0]).apply((Array) a[1]), Arrays.asList(null, 0), 0)
                .apply(inc, Jnp.array(new int[] {0, 1, 2}));
        assertArrayEquals(new int[] {1, 2, 3}, r.toIntArray());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[1], 0, 0).apply("abc", Jnp.ones(3)))
                .getMessage().equals("Argument 'abc' of type java.lang.String is not a valid JAX type"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> "s", 0, 0).apply(Jnp.ones(3)))
                .getMessage().startsWith("Output from batched function s with type java.lang.String is not a valid JAX type"));
        assertArrayEquals(new float[] {2, 4}, ((Array) Jax.vmapN(a -> ((Array) a[0]).mul(2)).apply(new float[] {1, 2})).toFloatArray());
        assertEquals("vmap was requested to map its argument along axis 0, which implies that its rank should be at"
                + " least 1, but is only 0 (its shape is ())",
                assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[0]).apply(1.0)).getMessage());
    }

    @Test
    void inconsistentSizesNameTreeLeaves() { // E11, with key paths
        assertEquals("vmap got inconsistent sizes for array axes to be mapped:\n"
                + "  * most axes (2 of them) had size 3, e.g. axis 0 of args[0] of type float32[3];\n"
                + "  * one axis had size 2: axis 0 of args[1][0] of type float32[2]",
                assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[0])
                        .apply(Jnp.ones(3), List.of(Jnp.ones(2), Jnp.ones(3)))).getMessage());
        assertEquals("vmap got inconsistent sizes for array axes to be mapped:\n"
                + "  * one axis had size 3: axis 0 of args[0] of type float32[3];\n"
                + "  * one axis had size 2: axis 0 of args[1]['k'] of type float32[2]",
                assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[0])
                        .apply(Jnp.ones(3), Map.of("k", Jnp.ones(2)))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[0], List.of(List.of(0, 1)), 0)
                .apply(Jnp.ones(3))).getMessage().startsWith("vmap in_axes specification must be a tree prefix of the"
                        + " corresponding value"));
        assertEquals("vmap wrapped function must be passed at least one argument containing an array or axis_size must"
                + " be specified, got empty *args=({},) and **kwargs={}",
                assertThrows(IllegalArgumentException.class, () -> Jax.vmapN(a -> a[0]).apply(Map.of())).getMessage());
    }

    @Test
    void vmapOfJitBatchesTheJitEquation() {
        JitFn2 f = Jax.jit((x, y) -> Jnp.sin(x).mul(y));
        Array xs = range(15, 5, 3), y = Jnp.array(new float[] {1, 2, 3});
        Fn2 batched = Jax.vmap(f, Arrays.asList(0, null), 0);
        assertArrayEquals(Jnp.sin(xs).mul(y).toFloatArray(), batched.apply(xs, y).toFloatArray());
        String text = Jax.makeJaxpr(batched).apply(xs, y).toString();
        assertEquals("""
                { lambda ; a:f32[5,3] b:f32[3]. let
                    c:f32[5,3] = jit[
                      name=<lambda>
                      jaxpr={ lambda ; a:f32[5,3] b:f32[3]. let
                          d:f32[5,3] = sin a
                          e:f32[1,3] = broadcast_in_dim[broadcast_dimensions=(1,)] b
                          c:f32[5,3] = mul d e
                        in (c,) }
                    ] a b
                  in (c,) }""", text); // JAX 0.10.2's text (which prints the dimension as np.int64(1))
    }

    @Test
    void jitOfVmapOfJitTracesOnce() { // D10
        JitFn1 inner = Jax.jit(x -> x.add(x));
        JitFn1 outer = Jax.jit(Jax.vmap(inner));
        Array a = outer.apply(range(6, 3, 2));
        Array b = outer.apply(range(6, 3, 2).mul(2));
        assertArrayEquals(range(6, 3, 2).mul(4).toFloatArray(), b.toFloatArray());
        assertArrayEquals(range(6, 3, 2).mul(2).toFloatArray(), a.toFloatArray());
        assertEquals(1, outer.traceCount());
        assertEquals(1, inner.traceCount());
    }
}
