package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code vjp} with {@code hasAux}, and {@code jvp}/{@code vjp} over pytrees, against closed forms and JAX's messages. */
class TreeAutodiffTest {
    record Params(Array w, Array b) {}

    private static final float[] W = {0.3f, -1.2f, 2.0f};
    private static final float B = 1.5f;
    private static final float[] CT = {1f, 2f, -0.5f};

    private static Params params() { return new Params(Jnp.array(W), Jnp.array(B)); }

    /** f(p) = sin(w) * b + w * w, a vector. */
    private static Array model(Params p) { return Jnp.add(Jnp.multiply(Jnp.sin(p.w()), p.b()), Jnp.multiply(p.w(), p.w())); }

    private static float f(Object a) { return ((Number) ((Array) a).item()).floatValue(); }

    private static float[] floats(Object a) { return ((Array) a).toFloatArray(); }

    @Test
    void vjpOfARecordGivesARecordCotangent() {
        TreeVjpResult<Array, Params> r = Jax.vjpTree(TreeAutodiffTest::model, params());
        float[] value = r.primal().toFloatArray();
        Params ct = r.pullback().apply(Jnp.array(CT));
        float[] wCt = new float[3];
        float bCt = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals((float) (Math.sin(W[i]) * B + W[i] * W[i]), value[i], 1e-6);
            wCt[i] = (float) (CT[i] * (Math.cos(W[i]) * B + 2 * W[i]));
            bCt += (float) (CT[i] * Math.sin(W[i]));
        }
        assertArrayEquals(wCt, ct.w().toFloatArray(), 1e-5f);
        assertEquals(bCt, f(ct.b()), 1e-5);
        assertEquals(0, ct.b().shape().length);
        assertEquals(null, r.aux());
    }

    @Test
    void vjpOfAJittedPytreeFunction() {
        Function<Params, Array> jitted = Jax.jit((Function<Params, Array>) TreeAutodiffTest::model);
        Params ct = Jax.vjpTree(jitted, params()).pullback().apply(Jnp.array(CT));
        Params direct = Jax.vjpTree(TreeAutodiffTest::model, params()).pullback().apply(Jnp.array(CT));
        assertArrayEquals(direct.w().toFloatArray(), ct.w().toFloatArray(), 1e-6f);
        assertEquals(f(direct.b()), f(ct.b()), 1e-6);
    }

    @Test
    void vjpOfSeveralPytreeArgumentsAndAPytreeOutput() {
        // f(x, {a: y, b: [z, n]}) = [x * y, {s: sum(z * x)}] with n an integer (float0 cotangent)
        FnN fn = args -> {
            Array x = (Array) args[0];
            Map<?, ?> m = (Map<?, ?>) args[1];
            List<?> zs = (List<?>) m.get("b");
            return List.of(Jnp.multiply(x, (Array) m.get("a")), Map.of("s", Jnp.sum(Jnp.multiply((Array) zs.get(0), x))));
        };
        Array x = Jnp.array(new float[] {1, 2});
        Map<String, Object> tree = Map.of("a", Jnp.array(new float[] {3, 4}), "b", List.of(Jnp.array(new float[] {5, 6}),
                Jnp.array(7)));
        TreeVjpResult<Object, List<Object>> r = Jax.vjpN(fn, x, tree);
        List<?> out = (List<?>) r.primal();
        assertArrayEquals(new float[] {3, 8}, floats(out.get(0)));
        assertEquals(17f, f(((Map<?, ?>) out.get(1)).get("s")));
        List<Object> cts = r.pullback().apply(List.of(Jnp.array(new float[] {1, 10}), Map.of("s", Jnp.array(2f))));
        assertEquals(2, cts.size());
        // d/dx: ct0 * y + ct1 * z = [3, 40] + [10, 12]
        assertArrayEquals(new float[] {13, 52}, floats(cts.get(0)));
        Map<?, ?> treeCt = (Map<?, ?>) cts.get(1);
        assertArrayEquals(new float[] {1, 20}, floats(treeCt.get("a")));            // ct0 * x
        List<?> bCt = (List<?>) treeCt.get("b");
        assertArrayEquals(new float[] {2, 4}, floats(bCt.get(0)));                   // ct1 * x
        assertEquals(DType.FLOAT0, ((Array) bCt.get(1)).dtype());
    }

    @Test
    void vjpWithAux() {
        // JAX: jax.vjp(lambda a: (a**3, [a**2]), 3., has_aux=True) -> 27., (27.,), [9.]
        VjpAuxResult r = Jax.vjpWithAux(xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2))), Jnp.array(3f));
        assertEquals(27f, f(r.primal()));
        assertEquals(27f, f(r.pullback().apply(Jnp.array(1f)).getFirst()));
        assertEquals(9f, f(((List<?>) r.aux()).getFirst()));
        assertInstanceOf(DenseArray.class, ((List<?>) r.aux()).getFirst());
        // aux under jit of a gradient built on vjp: the aux holds primal values
        FnN g = Jax.jitN(args -> Jax.vjpWithAux(xs -> new WithAux(Jnp.sin(xs[0]), Jnp.cos(xs[0])), (Array) args[0])
                .pullback().apply(Jnp.array(2f)).getFirst());
        assertEquals((float) (2 * Math.cos(0.5)), f(g.apply(Jnp.array(0.5f))), 1e-6);
    }

    @Test
    void pytreeVjpWithAuxAsPair() {
        FnN fn = args -> {
            Params p = (Params) args[0];
            return List.of(Map.of("y", model(p)), List.of(Jnp.sum(p.w()), "label"));
        };
        TreeVjpResult<Object, List<Object>> r = Jax.vjpNWithAux(fn, params());
        List<?> aux = (List<?>) r.aux();
        assertEquals(W[0] + W[1] + W[2], f(aux.get(0)), 1e-6);
        assertEquals("label", aux.get(1));
        Params ct = (Params) r.pullback().apply(Map.of("y", Jnp.array(CT))).getFirst();
        Params want = Jax.vjpTree(TreeAutodiffTest::model, params()).pullback().apply(Jnp.array(CT));
        assertArrayEquals(want.w().toFloatArray(), ct.w().toFloatArray(), 1e-6f);
        // WithAux is accepted as the pair too
        TreeVjpResult<Object, List<Object>> w = Jax.vjpNWithAux(args -> new WithAux(Jnp.sum(model((Params) args[0])), 42),
                params());
        assertEquals(42, w.aux());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.vjpNWithAux(args -> args[0], Jnp.array(1f)));
        assertTrue(e.getMessage().startsWith("expected function with aux output to return a two-element tuple, but got type"),
                e.getMessage());
    }

    @Test
    void jvpOfARecordMatchesTheClosedFormAndTheVjp() {
        Params t = new Params(Jnp.array(new float[] {0.5f, 1f, -2f}), Jnp.array(0.25f));
        TreeJvpResult<Array> r = Jax.jvpTree(TreeAutodiffTest::model, params(), t);
        float[] tw = t.w().toFloatArray();
        float[] tangent = r.tangent().toFloatArray();
        double dot = 0;
        for (int i = 0; i < 3; i++) {
            double want = tw[i] * (Math.cos(W[i]) * B + 2 * W[i]) + 0.25 * Math.sin(W[i]);
            assertEquals(want, tangent[i], 1e-5);
            // central differences of f along t
            double h = 1e-3;
            double fp = Math.sin(W[i] + h * tw[i]) * (B + h * 0.25) + Math.pow(W[i] + h * tw[i], 2);
            double fm = Math.sin(W[i] - h * tw[i]) * (B - h * 0.25) + Math.pow(W[i] - h * tw[i], 2);
            assertEquals((fp - fm) / (2 * h), tangent[i], 1e-4);
            dot += CT[i] * tangent[i];
        }
        // <ct, J t> = <J^T ct, t>
        Params back = Jax.vjpTree(TreeAutodiffTest::model, params()).pullback().apply(Jnp.array(CT));
        float[] bw = back.w().toFloatArray();
        double dot2 = 0.25 * f(back.b());
        for (int i = 0; i < 3; i++) dot2 += bw[i] * tw[i];
        assertEquals(dot, dot2, 1e-5);
    }

    @Test
    void jvpOfSeveralPytreesWithAux() {
        FnN fn = args -> {
            Map<?, ?> m = (Map<?, ?>) args[0];
            Array x = (Array) m.get("x");
            Array y = (Array) args[1];
            return new Object[] {Map.of("p", Jnp.multiply(x, y), "q", Jnp.exp(x)), List.of(Jnp.add(x, y))};
        };
        Object[] primals = {Map.of("x", Jnp.array(1f)), Jnp.array(2f)};
        Object[] tangents = {Map.of("x", Jnp.array(3f)), Jnp.array(5f)};
        TreeJvpResult<Object> r = Jax.jvpNWithAux(fn, primals, tangents);
        Map<?, ?> out = (Map<?, ?>) r.primal();
        Map<?, ?> tan = (Map<?, ?>) r.tangent();
        assertEquals(2f, f(out.get("p")));
        assertEquals(3f * 2f + 1f * 5f, f(tan.get("p")), 1e-6);
        assertEquals((float) (3 * Math.E), f(tan.get("q")), 1e-5);
        assertEquals(3f, f(((List<?>) r.aux()).getFirst()));
        // without aux, a constant output has a zero tangent of its type
        TreeJvpResult<Object> c = Jax.jvpN(args -> List.of(Jnp.ones(2), args[0]), new Object[] {Jnp.array(1f)},
                new Object[] {Jnp.array(4f)});
        assertArrayEquals(new float[] {0, 0}, floats(((List<?>) c.tangent()).get(0)));
        assertEquals(4f, f(((List<?>) c.tangent()).get(1)));
    }

    @Test
    void jvpStructureDTypeAndShapeErrors() {
        FnN first = args -> args[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jax.jvpN(first,
                new Object[] {Jnp.array(1f), Map.of("x", Jnp.array(2f))}, new Object[] {Jnp.array(1f), List.of(Jnp.array(2f))}));
        assertEquals("primal and tangent arguments to jax.jvp must have the same tree structure; primals have tree structure"
                + " PyTreeDef((*, {'x': *})) whereas tangents have tree structure PyTreeDef((*, [*])).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.jvpN(first, new Object[] {Jnp.array(1f)},
                new Object[] {Jnp.ones(2)}));
        assertEquals("jvp called with different primal and tangent shapes;Got primal shape () and tangent shape as (2,)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.jvpTree((Params p) -> p.b(), params(),
                new Params(Jnp.array(W), Jnp.array(1.0, DType.FLOAT16))));
        assertEquals("primal and tangent arguments to jax.jvp do not match; dtypes must be equal, or in case of int/bool"
                + " primal dtype the tangent dtype must be float0.Got primal dtype float32 and so expected tangent dtype"
                + " float32, but got tangent dtype float16 instead.", e.getMessage());
    }

    @Test
    void vjpCotangentStructureAndTypeErrors() {
        // B4: the pullback of x * y called with a tuple
        TreeVjpResult<Object, List<Object>> xy = Jax.vjpN(args -> Jnp.multiply(args[0], args[1]), Jnp.ones(2, 3),
                Jnp.ones(2, 3));
        IllegalArgumentException b4 = assertThrows(IllegalArgumentException.class,
                () -> xy.pullback().apply(List.of(Jnp.ones(2, 3), Jnp.ones(2, 3))));
        assertTrue(b4.getMessage().startsWith("unexpected tree structure."), b4.getMessage());
        b4 = assertThrows(IllegalArgumentException.class, () -> xy.pullback().apply(Jnp.array(42.0, DType.FLOAT16)));
        assertTrue(b4.getMessage().startsWith("unexpected JAX type"), b4.getMessage());
        TreeVjpResult<Object, List<Object>> r = Jax.vjpN(args -> Map.of("y", args[0], "z", args[0]), Jnp.array(1f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.pullback().apply(Map.of("y", Jnp.array(1f))));
        assertTrue(e.getMessage().startsWith("unexpected tree structure.\n\nThe argument to a VJP function returned by"
                + " `jax.vjp` must match the pytree\nstructure of the differentiated function"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> r.pullback().apply(Map.of("y", Jnp.ones(2), "z", Jnp.array(1f))));
        assertEquals("unexpected JAX type (e.g. shape/dtype) for argument to VJP function: got float32[2], but expected"
                + " float32[] because the corresponding output of the differentiated function had JAX type float32[]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.vjpTree(TreeAutodiffTest::model, params()).pullback()
                .apply(Jnp.array(CT).astype(DType.FLOAT16)));
        assertTrue(e.getMessage().startsWith("unexpected JAX type (e.g. shape/dtype) for argument to VJP function: got"
                + " float16[3], but expected float32[3]"), e.getMessage());
    }
}
