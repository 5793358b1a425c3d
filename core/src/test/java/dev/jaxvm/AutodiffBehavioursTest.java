package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ConcretizationTypeError;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API_BEHAVIOURS.md sections 1-3 through the pytree forms of the API ({@code gradN}/{@code
 * valueAndGradTree} with {@link GradOptions}, {@code linearizeN}, {@code jacfwdN}/{@code jacrevN}/{@code
 * hessianN}), with JAX 0.10.2's values and messages (checked with the real JAX).
 */
class AutodiffBehavioursTest {
    private static float f(Object a) { return ((Number) ((Array) a).item()).floatValue(); }

    private static final FnN LINEAR3 = xs -> Jnp.add(Jnp.add(Jnp.multiply(xs[0], 1.0), Jnp.multiply(xs[1], 2.0)),
            Jnp.multiply(xs[2], 3.0));

    @Test
    void argnumsGiveATupleInTheOrderAsked() {   // A1, A2
        Array one = Jnp.array(1f);
        assertEquals(2f, f(Jax.gradN(LINEAR3, GradOptions.argnums(1)).apply(one, one, one)));
        List<?> g = (List<?>) Jax.gradN(LINEAR3, GradOptions.argnums(2, 0)).apply(one, one, one);
        assertEquals(List.of(3f, 1f), g.stream().map(AutodiffBehavioursTest::f).toList());
        TreeGradResult r = Jax.valueAndGradTree(LINEAR3, GradOptions.argnums(2, 0)).apply(one, one, one);
        assertEquals(6f, f(r.value()));
        assertEquals(List.of(3f, 1f), ((List<?>) r.grad()).stream().map(AutodiffBehavioursTest::f).toList());
        // arguments not differentiated may be any Java value
        FnN scaled = xs -> Jnp.multiply(xs[0], ((String) xs[1]).length());
        assertEquals(3f, f(Jax.gradN(scaled, GradOptions.argnums(0)).apply(one, "abc")));
    }

    @Test
    void badArgnums() {
        Array one = Jnp.array(1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.valueAndGradTree(xs -> xs[0], GradOptions.argnums(2)).apply(one));
        assertEquals("differentiating with respect to argnums=2 requires at least 3 positional arguments to be passed by"
                + " the caller, but got only 1 positional arguments.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> xs[0], GradOptions.argnums(-2)).apply(one));
        assertEquals("Positional argument indices, e.g. for `static_argnums`, must have value greater than or equal to"
                + " -len(args) and less than len(args), but got value -2 for len(args) == 1.", e.getMessage());
        for (FnN jac : List.of(Jax.jacfwdN(xs -> xs[0], GradOptions.argnums(3)), Jax.jacrevN(xs -> xs[0], GradOptions.argnums(3)))) {
            e = assertThrows(IllegalArgumentException.class, () -> jac.apply(one));
            assertEquals("Positional argument indices, e.g. for `static_argnums`, must have value greater than or equal to"
                    + " -len(args) and less than len(args), but got value 3 for len(args) == 1.", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GradOptions.argnums(new int[0]));
    }

    @Test
    void nonScalarOutputs() {   // A3, A4
        GradOptions o = GradOptions.argnums(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.gradN(xs -> List.of(xs[0], xs[0]), o).apply(1f));
        assertEquals("Gradient only defined for scalar-output functions. Output was [Array(1., dtype=float32,"
                + " weak_type=True), Array(1., dtype=float32, weak_type=True)].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> List.of(), o).apply(Jnp.zeros(3)));
        assertEquals("Gradient only defined for scalar-output functions. Output was [].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> null, o).apply(1f));
        assertEquals("Gradient only defined for scalar-output functions. Output was null.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> Map.of("a", xs[0]), o).apply(1f));
        assertTrue(e.getMessage().startsWith("Gradient only defined for scalar-output functions. Output was {a="), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> xs[0], o).apply(Jnp.zeros(3)));
        assertEquals("Gradient only defined for scalar-output functions. Output had shape: (3,). To get the gradient,"
                + " reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a"
                + " non-scalar output.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> xs[0], o).apply(Jnp.zeros(1)));
        assertEquals("Gradient only defined for scalar-output functions. Output had shape: (1,). To get the gradient,"
                + " extract the scalar with output.reshape(()) or output[0], reduce the output to a scalar with"
                + " output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(xs -> xs[0], o).apply(Jnp.zeros(1, 1)));
        assertTrue(e.getMessage().contains("extract the scalar with output.reshape(()), reduce"), e.getMessage());
    }

    @Test
    void integerInputs() {   // A5, A6
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.gradN(xs -> Jnp.multiply(xs[0], xs[0]), GradOptions.argnums(0)).apply(Map.of("k", 3)));
        assertEquals("grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got"
                + " int32. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.",
                e.getMessage());
        Array g = (Array) Jax.gradN(xs -> Jnp.add(xs[0], 0.0), GradOptions.argnums(0).withAllowInt(true)).apply(1);
        assertEquals(DType.FLOAT0, g.dtype());
        assertEquals(0, g.ndim());
        TreeGradResult b = Jax.valueAndGradTree(xs -> Jnp.where(xs[0], 1.0, 0.0), GradOptions.argnums(0).withAllowInt(true))
                .apply(true);
        assertEquals(1f, f(b.value()));
        assertEquals(DType.FLOAT0, ((Array) b.grad()).dtype());
        List<?> gi = (List<?>) Jax.gradN(xs -> ((Array) xs[0]).get(xs[1]), GradOptions.argnums(0, 1).withAllowInt(true))
                .apply(Jnp.ones(2), 1);
        assertArrayEquals(new float[] {0, 1}, ((Array) gi.get(0)).toFloatArray());
        assertEquals(DType.FLOAT0, ((Array) gi.get(1)).dtype());
    }

    @Test
    void float0ReshapesButDoesNoArithmetic() {   // A7
        Array z = DenseArray.zeros(ArrayType.of(DType.FLOAT0, 2, 3));
        assertArrayEquals(new int[] {3, 2}, Lax.transpose(z, 1, 0).shape());
        assertArrayEquals(new int[] {6}, z.reshape(6).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jnp.add(z, Jnp.zeros(new int[0])));
        assertTrue(e.getMessage().startsWith("Called add with a float0 array. float0s do not support any operations by design"
                + " because they are not compatible with non-trivial vector spaces."), e.getMessage());
    }

    @Test
    void hasAux() {   // A10, A11, A12
        GradOptions aux = GradOptions.argnums(0).withHasAux(true);
        List<?> r = (List<?>) Jax.gradN(xs -> List.of(Jnp.power(xs[0], 3), List.of(Jnp.power(xs[0], 2))), aux).apply(3f);
        assertEquals(27f, f(r.get(0)));
        Object aux0 = ((List<?>) r.get(1)).getFirst();
        assertEquals(9f, f(aux0));
        assertInstanceOf(DenseArray.class, aux0, "aux values are concrete, not tracers");
        r = (List<?>) Jax.gradN(xs -> List.of(Jnp.power(xs[0], 3), List.of(4.0)), aux).apply(4f);
        assertEquals(48f, f(r.get(0)));
        assertEquals(List.of(4.0), r.get(1));
        r = (List<?>) Jax.gradN(xs -> new Object[] {Jnp.power(xs[0], 3), List.of(Jnp.power(xs[0], 2), 4.0)}, aux).apply(4f);
        List<?> a = (List<?>) r.get(1);
        assertEquals(16f, f(a.get(0)));
        assertEquals(4.0, a.get(1));
        for (FnN bad : List.<FnN>of(xs -> List.of(1, 2, 3), xs -> xs[0], xs -> List.of(xs[0]))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jax.gradN(bad, aux).apply(1f));
            assertTrue(e.getMessage().startsWith("expected function with aux output to return a two-element tuple, but got"
                    + " type "), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.jacfwdN(xs -> xs[0], GradOptions.argnums(0).withHasAux(true)).apply(1f));
        assertTrue(e.getMessage().contains("two-element tuple"), e.getMessage());
    }

    @Test
    void nestedAuxUnderJit() {   // A13
        GradOptions aux = GradOptions.argnums(0).withHasAux(true);
        FnN inner = Jax.gradN(xs -> List.of(Jnp.power(xs[0], 3), List.of(Jnp.power(xs[0], 3))), aux);
        FnN fn = xs -> ((List<?>) ((List<?>) inner.apply(xs)).get(1)).getFirst();
        FnN g = Jax.gradN(fn, GradOptions.argnums(0));
        assertEquals(48f, f(g.apply(Jnp.array(4f))));
        assertEquals(48f, f(Jax.jitN(g).apply(Jnp.array(4f))));
        assertEquals(48f, f(Jax.jitN(Jax.gradN(Jax.jitN(fn), GradOptions.argnums(0))).apply(Jnp.array(4f))));
    }

    @Test
    void concreteValuesUnderGradButNotUnderJit() {   // A16, A17
        FnN f = xs -> ((Boolean) ((Array) xs[0]).astype(DType.BOOL).item()) ? Jnp.power(xs[0], 2) : xs[0];
        assertEquals(4f, f(Jax.gradN(f, GradOptions.argnums(0)).apply(2f)));
        FnN abs = xs -> ((Boolean) ((Array) xs[0]).gt(0).item()) ? xs[0] : Jnp.negative(xs[0]);
        assertEquals(1f, f(Jax.gradN(abs, GradOptions.argnums(0)).apply(1f)));
        assertEquals(-1f, f(Jax.gradN(abs, GradOptions.argnums(0)).apply(-1f)));
        assertThrows(ConcretizationTypeError.class, () -> Jax.jitN(abs).apply(1));
    }

    @Test
    void linearizeOfPytreesChecksItsTangents() {   // B9, B10, and the linear function's checks
        TreeLinearized l = Jax.linearizeN(xs -> List.of(xs[0], 1.0), 3.0);
        List<?> t = (List<?>) l.linear().apply(1.0);
        assertEquals(1f, f(t.get(0)));
        assertEquals(0f, f(t.get(1)));   // a real zero for the constant output
        TreeLinearized poly = Jax.linearizeN(xs -> Jnp.add(Jnp.add(Jnp.multiply(2, Jnp.power(xs[0], 0)),
                Jnp.multiply(3, Jnp.power(xs[0], 1))), Jnp.multiply(4, Jnp.power(xs[0], 2))), 3f);
        assertEquals(3f + 4 * 2 * 3, f(poly.linear().apply(1f)));
        String jaxpr = Jax.makeJaxprN(poly.linear()).apply(1f).toString();
        assertTrue(!jaxpr.contains("integer_pow") && jaxpr.contains("mul"), jaxpr);

        TreeLinearized s = Jax.linearizeN(xs -> Jnp.sin(xs[0]), Jnp.ones(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.linear().apply(Jnp.ones(2)));
        assertEquals("linearized function called on tangent values inconsistent with the original primal values:\nGot"
                + " tangent aval float32[2] for primal aval float32[3] but expected float32[3].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.linear().apply(Jnp.ones(3).astype(DType.FLOAT16)));
        assertEquals("linearized function called on tangent values inconsistent with the original primal values:\nGot"
                + " tangent aval float16[3] for primal aval float32[3] but expected float32[3].", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.linear().apply(Jnp.ones(3), Jnp.ones(3)));
        assertEquals("expected PyTreeDef((*,)), got PyTreeDef((*, *))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.linear().apply(List.of(Jnp.ones(3))));
        assertEquals("expected PyTreeDef((*,)), got PyTreeDef(([*],))", e.getMessage());
        TreeLinearized w = Jax.linearizeN(xs -> Jnp.multiply(xs[0], 2), 1.0);
        e = assertThrows(IllegalArgumentException.class, () -> w.linear().apply(Jnp.ones(2)));
        assertEquals("linearized function called on tangent values inconsistent with the original primal values:\nGot"
                + " tangent aval float32[2] for primal aval ~float32[] but expected ~float32[].", e.getMessage());
        TreeLinearized i = Jax.linearizeN(xs -> Jnp.multiply(xs[0], xs[1]), 1.0, 2);
        e = assertThrows(IllegalArgumentException.class, () -> i.linear().apply(1.0, 1.0));
        assertEquals("linearized function called on tangent values inconsistent with the original primal values:\nGot"
                + " tangent aval ~float32[] for primal aval ~int32[] but expected ~float0[].", e.getMessage());
        assertEquals(2f, f(i.linear().apply(1.0, DenseArray.zeros(ArrayType.of(DType.FLOAT0)))));
        // the array form checks too
        Linearized a = Jax.linearize(xs -> Jnp.sin(xs[0]), Jnp.ones(3));
        assertThrows(IllegalArgumentException.class, () -> a.linear().apply(Jnp.ones(2)));
        TreeLinearized m = Jax.linearizeN(xs -> Map.of("y", Jnp.multiply(((Map<?, ?>) xs[0]).get("x"), 2)),
                Map.of("x", Jnp.ones(2), "z", 3.0));
        e = assertThrows(IllegalArgumentException.class, () -> m.linear().apply(Map.of("x", Jnp.ones(2))));
        assertEquals("expected PyTreeDef(({'x': *, 'z': *},)), got PyTreeDef(({'x': *},))", e.getMessage());
    }

    @Test
    void linearizeWithAux() {
        TreeLinearized l = Jax.linearizeNWithAux(xs -> List.of(Jnp.power(xs[0], 2), Map.of("a", xs[0], "b", "str")), 3f);
        assertEquals(9f, f(l.primal()));
        assertEquals(6f, f(l.linear().apply(1f)));
        Map<?, ?> aux = (Map<?, ?>) l.aux();
        assertEquals(3f, f(aux.get("a")));
        assertEquals("str", aux.get("b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.linearizeNWithAux(xs -> Jnp.multiply(xs[0], 2), 1f));
        assertTrue(e.getMessage().startsWith("expected function with aux output to return a two-element tuple"), e.getMessage());
    }

    @Test
    void jacobiansAndHessians() {   // C1, C3, jacfwd/jacrev dtype checks
        Array a = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}, {-1, 0.5f, 2}});
        Array x = Jnp.array(new float[] {0.3f, -0.2f, 0.1f});
        FnN tanh = xs -> Jnp.tanh(Jnp.matmul(a, xs[0]));
        float[] fwd = ((Array) Jax.jacfwdN(tanh, GradOptions.argnums(0)).apply(x)).toFloatArray();
        float[] rev = ((Array) Jax.jacrevN(tanh, GradOptions.argnums(0)).apply(x)).toFloatArray();
        assertArrayEquals(fwd, rev, 1e-6f);
        Array sq = Jnp.array(new float[][] {{1, 2}, {3, 4}});
        List<?> h = (List<?>) Jax.hessianN(xs -> List.of(Jnp.matmul(xs[0], Jnp.matmul(sq, xs[0])), xs[0]),
                GradOptions.argnums(0).withHasAux(true)).apply(Jnp.array(new float[] {1, -1}));
        assertArrayEquals(new float[] {2, 5, 5, 8}, ((Array) h.get(0)).toFloatArray());
        assertArrayEquals(new float[] {1, -1}, ((Array) h.get(1)).toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.jacfwdN(xs -> xs[0], GradOptions.argnums(0)).apply(1));
        assertEquals("jacfwd requires real-valued inputs (input dtype that is a sub-dtype of np.floating), but got int32."
                + " For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions"
                + " involving complex inputs or integer inputs, use jax.jvp directly.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.jacrevN(xs -> xs[0], GradOptions.argnums(0)).apply(1));
        assertTrue(e.getMessage().startsWith("jacrev requires real- or complex-valued inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Jax.jacrevN(xs -> Jnp.astype(xs[0], DType.INT32), GradOptions.argnums(0)).apply(1f));
        assertEquals("jacrev requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got int32."
                + " For differentiation of functions with integer outputs, use jax.vjp directly.", e.getMessage());
        // jacfwd of a record: one block per field, shaped out.shape + field.shape
        record Params(Array w, Array b) {}
        Object j = Jax.jacfwdN(xs -> Jnp.add(Jnp.multiply(((Params) xs[0]).w(), 2), ((Params) xs[0]).b()),
                GradOptions.argnums(0)).apply(new Params(Jnp.ones(2), Jnp.array(1f)));
        Params jp = assertInstanceOf(Params.class, j);
        assertArrayEquals(new float[] {2, 0, 0, 2}, jp.w().toFloatArray());
        assertArrayEquals(new float[] {1, 1}, jp.b().toFloatArray());
    }

    @Test
    void perExampleGradientsComposeWithVmapAndJit() {   // E3
        Map<String, Array> params = Map.of("W", Jnp.array(new float[][] {{0.1f, -0.2f}, {0.3f, 0.4f}, {-0.5f, 0.6f}}),
                "b", Jnp.array(new float[] {0.05f, -0.05f}));
        FnN loss = args -> {
            Map<?, ?> p = (Map<?, ?>) args[0];
            return Jnp.sum(Jnp.tanh(Jnp.add(Jnp.matmul(args[1], p.get("W")), p.get("b"))));
        };
        FnN g = Jax.gradN(loss, GradOptions.argnums(0));
        Array batch = Jnp.arange(15.0).reshape(5, 3).mul(0.1f);
        Map<?, ?> per = (Map<?, ?>) Jax.vmapN(args -> g.apply(params, args[0])).apply(batch);
        assertArrayEquals(new int[] {5, 3, 2}, ((Array) per.get("W")).shape());
        assertArrayEquals(new int[] {5, 2}, ((Array) per.get("b")).shape());
        FnN jitted = Jax.jitN(g);
        for (int i = 0; i < 5; i++) {
            Map<?, ?> one = (Map<?, ?>) jitted.apply(params, batch.get(i));
            assertArrayEquals(((Array) one.get("W")).toFloatArray(), ((Array) per.get("W")).get(i).toFloatArray(), 1e-6f);
            assertArrayEquals(((Array) one.get("b")).toFloatArray(), ((Array) per.get("b")).get(i).toFloatArray(), 1e-6f);
        }
    }
}
