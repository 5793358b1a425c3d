package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of the pytree autodiff API, verbatim, so that they compile and do what they say. */
class AutodiffSnippetsTest {
    record Params(Array w, Array b) {}

    private static float[] floats(Object a) { return ((Array) a).toFloatArray(); }

    @Test
    void jacfwdN() {
        FnN f = args -> Map.of("o", Jnp.multiply(((Map<?, ?>) args[0]).get("a"), ((Map<?, ?>) args[0]).get("b")));
        Object jac = Jax.jacfwdN(f, GradOptions.argnums(0)).apply(Map.of("a", Jnp.arange(2f), "b", Jnp.array(3f)));
        // {"o": {"a": [[3, 0], [0, 3]], "b": [0, 1]}}
        Map<?, ?> o = (Map<?, ?>) ((Map<?, ?>) jac).get("o");
        assertArrayEquals(new float[] {3, 0, 0, 3}, floats(o.get("a")));
        assertArrayEquals(new float[] {0, 1}, floats(o.get("b")));
    }

    @Test
    void hessianN() {
        // hessian(lambda x: jnp.array(x)**2)((1., 2.)) = (([2, 0], [0, 0]), ([0, 0], [0, 2]))
        Object h = Jax.hessianN(args -> Jnp.square(Jnp.stack((List<?>) args[0])), GradOptions.argnums(0))
                .apply(List.of(Jnp.array(1f), Jnp.array(2f)));
        List<?> rows = (List<?>) h;
        assertArrayEquals(new float[] {2, 0}, floats(((List<?>) rows.get(0)).get(0)));
        assertArrayEquals(new float[] {0, 0}, floats(((List<?>) rows.get(0)).get(1)));
        assertArrayEquals(new float[] {0, 2}, floats(((List<?>) rows.get(1)).get(1)));
    }

    @Test
    void linearizeN() {
        Params params = new Params(Jnp.array(new float[] {1, 2}), Jnp.array(3f));
        Array dw = Jnp.array(new float[] {1, 0}), db = Jnp.array(1f);
        TreeLinearized l = Jax.linearizeN(args -> Jnp.sum(Jnp.multiply(((Params) args[0]).w(), ((Params) args[0]).b())), params);
        Array dy = (Array) l.linear().apply(new Params(dw, db));
        assertEquals(3f * 1 + (1 + 2) * 1f, (Float) dy.item());
        Array x = Jnp.array(new float[] {0, 1, 2});
        TreeLinearized m = Jax.linearizeN(args -> Map.of("y", Jnp.sin((Array) args[0])), x);
        Map<?, ?> t = (Map<?, ?>) m.linear().apply(Jnp.ones(3));    // {"y": cos(x)}
        assertArrayEquals(Jnp.cos(x).toFloatArray(), floats(t.get("y")), 1e-6f);
        Linearized a = Jax.linearize(xs -> Jnp.sin(xs[0]), x);
        Array ta = (Array) a.linear().apply(Jnp.ones(3));   // cos(x)
        assertArrayEquals(Jnp.cos(x).toFloatArray(), ta.toFloatArray(), 1e-6f);
    }

    @Test
    void gradN() {
        Array w = Jnp.array(new float[] {1, 2, 3});
        FnN loss = args -> List.of(Jnp.sum(Jnp.multiply(((Map<?, ?>) args[0]).get("w"), args[1])), "aux");
        List<?> r = (List<?>) Jax.gradN(loss, GradOptions.argnums(0).withHasAux(true)).apply(Map.of("w", w), 2f);
        Map<?, ?> g = (Map<?, ?>) r.get(0);   // {"w": [2, 2, 2]}
        assertArrayEquals(new float[] {2, 2, 2}, floats(g.get("w")));
        assertEquals("aux", r.get(1));
    }

    @Test
    void valueAndGradTree() {
        Params params = new Params(Jnp.array(new float[] {1, 2}), Jnp.array(3f));
        TreeGradResult r = Jax.valueAndGradTree(args -> Jnp.sum(((Params) args[0]).w()), GradOptions.argnums(0))
                .apply(params);
        Params g = (Params) r.grad();
        assertArrayEquals(new float[] {1, 1}, g.w().toFloatArray());
        assertEquals(0f, (Float) g.b().item());
        TreeGradFn vg = Jax.valueAndGradTree(args -> {
            List<?> xs = (List<?>) args[0];
            return Jnp.add(Jnp.sum(Jnp.square(xs.get(0))), Jnp.sum(Jnp.square(xs.get(1))));
        }, GradOptions.argnums(0));
        TreeGradResult s = vg.apply(List.of(Jnp.ones(2), Jnp.ones(3)));   // value 5; grad [[2, 2], [2, 2, 2]]
        assertEquals(5f, (Float) s.value().item());
        assertArrayEquals(new float[] {2, 2, 2}, floats(((List<?>) s.grad()).get(1)));
    }
}
