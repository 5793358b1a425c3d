package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The behaviours of API_BEHAVIOURS.md sections 1-3 (grad, jvp/vjp/linearize, Jacobians) that JAX's tests pin down. */
class AutodiffApiTest {
    record Params(Array w, Array b) {}

    private static float f(Object a) { return (Float) ((Array) a).item(); }

    private static Array quad(Array x) { return Lax.reduceSum(Lax.mul(x, x), 0); }

    @Test
    void pytreeGradients() {
        Params p = new Params(Jnp.array(new float[] {1, 2, 3}), Jnp.array(2f));
        Function<Params, Object> loss = q -> Jnp.sum(Jnp.multiply(Jnp.multiply(q.w(), q.w()), q.b()));
        Params g = Jax.grad(loss).apply(p);
        assertArrayEquals(new float[] {4, 8, 12}, g.w().toFloatArray());
        assertEquals(14f, f(g.b()));
        ValueAndGrad<Params> vg = Jax.valueAndGrad(loss).apply(p);
        assertEquals(28f, f(vg.value()));
        Function<List<Array>, Object> listLoss = xs -> Jnp.multiply(xs.get(0), xs.get(1));
        List<Array> lg = Jax.grad(listLoss).apply(List.of(Jnp.array(3f), Jnp.array(5f)));
        assertEquals(5f, f(lg.get(0)));
        assertEquals(3f, f(lg.get(1)));
    }

    @Test
    void jvpArgumentErrors() {   // B2
        Array x = Jnp.array(2f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.jvp(xs -> Jnp.negative(xs[0]), new Array[] {x}, new Array[] {}));
        assertTrue(e.getMessage().startsWith("primal and tangent arguments to jax.jvp must have the same tree structure"));
        e = assertThrows(IllegalArgumentException.class, () -> Jax.jvp(y -> y.neg(), Jnp.array(2f, DType.FLOAT16), x));
        assertTrue(e.getMessage().startsWith("primal and tangent arguments to jax.jvp do not match"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.jvp(y -> y.neg(), x, Jnp.zeros(3)));
        assertTrue(e.getMessage().startsWith("jvp called with different primal and tangent shapes"), e.getMessage());
    }

    @Test
    void vjpCotangentErrors() {   // B4
        VjpResult r = Jax.vjp(xs -> Jnp.multiply(xs[0], xs[1]), Jnp.ones(2, 3), Jnp.ones(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.pullback().apply(Jnp.array(42f, DType.FLOAT16)));
        assertTrue(e.getMessage().startsWith("unexpected JAX type"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.pullback().apply(Jnp.ones(2, 4)));
        assertTrue(e.getMessage().startsWith("unexpected JAX type"), e.getMessage());
    }

    @Test
    void integerInputsHaveFloat0Tangents() {   // B6, B7, B8
        Array zero0 = DenseArray.zeros(ArrayType.of(DType.FLOAT0));
        JvpResult r = Jax.jvp(x -> x.add(1), Jnp.array(2), zero0);
        assertEquals(3, r.primal().item());
        assertEquals(DType.FLOAT0, r.tangent().dtype());
        r = Jax.jvp(x -> x.astype(DType.INT32).add(1), Jnp.array(2f), Jnp.array(1f));
        assertEquals(3, r.primal().item());
        assertEquals(DType.FLOAT0, r.tangent().dtype());
        VjpResult v = Jax.vjp(xs -> Lax.reduceSum(Lax.mul((Array) xs[0], Lax.convertElementType((Array) xs[1], DType.FLOAT32)), 0),
                Jnp.array(new float[] {2, 2}), Jnp.array(new int[] {0, 1}));
        List<Array> cts = v.pullback().apply(Jnp.array(1f));
        assertArrayEquals(new float[] {0, 1}, cts.get(0).toFloatArray());
        assertEquals(DType.FLOAT0, cts.get(1).dtype());
    }

    @Test
    void linearizeInstantiatesZeroOutputs() {   // B9
        Linearized l = Jax.linearize(xs -> Jnp.array(1f), Jnp.array(3f));
        Array t = (Array) l.linear().apply(Jnp.array(1f));
        assertEquals(0f, f(t));
    }

    @Test
    void nestedAux() {   // A13
        FnAux inner = xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(3)));
        Fn1 fn = x -> (Array) ((List<?>) Jax.valueAndGradWithAux(inner, GradOptions.argnums(0).withHasAux(true))
                .apply(x).aux()).getFirst();
        assertEquals(48f, f(Jax.grad(fn).apply(Jnp.array(4f))));
        assertEquals(48f, f(Jax.jit(Jax.grad(fn)).apply(Jnp.array(4f))));
        assertEquals(48f, f(Jax.jit(Jax.grad(Jax.jit(fn))).apply(Jnp.array(4f))));
    }

    @Test
    void weakTypesArePreserved() {   // A14
        assertTrue(Jax.grad((Fn1) x -> x).apply(Jnp.asarray(1.0)).weakType());
        assertTrue(Jax.jacfwd((Fn1) x -> x).apply(Jnp.asarray(1.0)).weakType());
        assertTrue(Jax.jacrev((Fn1) x -> x).apply(Jnp.asarray(1.0)).weakType());
    }

    @Test
    void jacobianShapesComposeAsIssue1372() {   // C5
        FnN fq = xs -> Jnp.add(quad((Array) xs[0]), quad((Array) xs[1]));
        Array x = Jnp.ones(5), u = Jnp.ones(2);
        for (boolean outerFwd : new boolean[] {true, false}) {
            for (boolean innerFwd : new boolean[] {true, false}) {
                for (int a : new int[] {0, 1}) {
                    for (int b : new int[] {0, 1}) {
                        FnN inner = innerFwd ? Jax.jacfwdN(fq, a) : Jax.jacrevN(fq, a);
                        FnN outer = outerFwd ? Jax.jacfwdN(inner, b) : Jax.jacrevN(inner, b);
                        int[] shape = ((Array) outer.apply(x, u)).shape();
                        assertArrayEquals(new int[] {a == 0 ? 5 : 2, b == 0 ? 5 : 2}, shape);
                    }
                }
            }
        }
    }

    @Test
    void powSecondDerivatives() {   // C7
        FnN pow = xs -> Lax.pow((Array) xs[0], (Array) xs[1]);
        Array x = Jnp.array(4f), y = Jnp.array(0f);
        float[] h00 = ((Array) Jax.jacfwdN(Jax.jacfwdN(pow, 0), 0).apply(x, y)).toFloatArray();
        float[] h01 = ((Array) Jax.jacfwdN(Jax.jacfwdN(pow, 0), 1).apply(x, y)).toFloatArray();
        float[] h11 = ((Array) Jax.jacrevN(Jax.jacrevN(pow, 1), 1).apply(x, y)).toFloatArray();
        assertEquals(0f, h00[0], 1e-6);
        assertEquals(0.25f, h01[0], 1e-6);
        assertEquals((float) (Math.log(4) * Math.log(4)), h11[0], 1e-5);
        assertTrue(Float.isNaN(f(Jax.gradN(pow, 0).apply(Jnp.array(0f), Jnp.array(0f)))));
    }

    @Test
    void stopGradientInHigherOrder() {   // C11
        Fn1 f1 = x -> Jnp.sin(x).mul(Jnp.cos(Lax.stopGradient(x)));
        Fn2 f2 = (x, y) -> Jnp.sin(x).mul(Jnp.cos(y));
        Array x = Jnp.array(3.14f);
        assertEquals(f(Jax.grad(Jax.grad(f1)).apply(x)),
                f(Jax.grad((Fn2) (a, b) -> Jax.grad(f2, 0).apply(a, b), 0).apply(x, x)), 1e-6);
    }

    @Test
    void gradOfScalarIntegerErrorsAndAllowInt() {   // A5, A6
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.gradN(xs -> Jnp.multiply(xs[0], xs[0]), 0).apply(3));
        assertTrue(e.getMessage().startsWith("grad requires real- or complex-valued inputs"), e.getMessage());
        GradResult r = Jax.valueAndGradN(xs -> Jnp.sum(Jnp.multiply(xs[0], Jnp.astype(xs[1], DType.FLOAT32))),
                GradOptions.argnums(0, 1).withAllowInt(true)).apply(Jnp.ones(2), Jnp.array(new int[] {0, 1}));
        assertArrayEquals(new float[] {0, 1}, r.grads().get(0).toFloatArray());
        assertEquals(DType.FLOAT0, r.grads().get(1).dtype());
    }

    @Test
    void float0SupportsNoOperations() {   // A7
        Array z = DenseArray.zeros(ArrayType.of(DType.FLOAT0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lax.add(z, z));
        assertTrue(e.getMessage().startsWith("Called add with a float0 at position 0. float0s do not support any"
                + " operations by design"), e.getMessage());
    }

    @Test
    void nonScalarOutputsAreRejected() {   // A3
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.gradN(xs -> List.of(xs[0], xs[0]), 0).apply(1f));
        assertTrue(e.getMessage().startsWith("Gradient only defined for scalar-output functions. "), e.getMessage());
    }

    @Test
    void badInput() {   // A15
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.gradN(xs -> xs[0], 0).apply("foo"));
        assertEquals("Argument 'foo' of type java.lang.String is not a valid JAX type.", e.getMessage());
    }

    @Test
    void jvpWithAux() {   // B1
        JvpAuxResult r = Jax.jvpWithAux(xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2))),
                new Array[] {Jnp.array(3f)}, new Array[] {Jnp.array(4f)});
        assertEquals(27f, f(r.primal()));
        assertEquals(108f, f(r.tangent()));
        assertEquals(9f, f(((List<?>) r.aux()).getFirst()));
        assertTrue(((List<?>) r.aux()).getFirst() instanceof DenseArray);
    }

    @Test
    void integerPowersAtZero() {   // C8, C9, C12
        FnN pow = xs -> Jnp.power(xs[0], xs[1]);
        assertEquals(0f, f(Jax.gradN(Jax.jitN(pow), 0).apply(0f, 0)));
        Array z = Jnp.array(3.14f);
        assertEquals(1f, f(Jax.grad((Fn1) v -> Jnp.sum(Jnp.power(v, Jnp.arange(0, 2)))).apply(z)), 1e-6);
        assertEquals(1f, f(Jax.grad((Fn1) v -> Jnp.sum(Jnp.power(v, Jnp.arange(0.0, 2.0)))).apply(z)), 1e-6);
        assertEquals(1f, f(Jax.grad((Fn1) v -> Jnp.add(Jnp.power(v, 0), v)).apply(z)), 1e-6);
        assertEquals(1f, f(Jax.grad((Fn1) v -> Jnp.add(Jnp.power(v, 0.0), v)).apply(z)), 1e-6);
        Array x = Jnp.arange(4.0f);
        float[] jac = ((Array) Jax.jacrevN(Jax.jitN(xs -> Lax.pow((Array) xs[0], (Array) xs[1])), 0)
                .apply(x, Jnp.asarray(2))).toFloatArray();
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) assertEquals(i == k ? 2f * i : 0f, jac[4 * i + k], 1e-6, i + "," + k);
        }
    }

    @Test
    void specialPointsHaveFiniteCheckedGradients() {   // C13
        Object[][] cases = {
            {(Fn1) Lax::sinh, 0.0}, {(Fn1) Lax::cosh, 0.0}, {(Fn1) Lax::tanh, 0.0}, {(Fn1) Lax::tanh, 1000.0},
            {(Fn1) Lax::sin, 0.0}, {(Fn1) Lax::sin, Math.PI}, {(Fn1) Lax::sin, Math.PI / 2}, {(Fn1) Lax::cos, Math.PI / 4},
            {(Fn1) Lax::tan, 0.0}, {(Fn1) Lax::asin, 0.0}, {(Fn1) Lax::acos, 0.0}, {(Fn1) Lax::atan, 0.0},
            {(Fn1) Lax::atan, 1000.0}, {(Fn1) Lax::erf, 0.0}, {(Fn1) Lax::erf, 10.0}, {(Fn1) Lax::erfc, 0.0},
            {(Fn1) Lax::erfc, 10.0},
        };
        for (Object[] c : cases) {
            Fn1 op = (Fn1) c[0];
            Array x = Jnp.array((float) (double) (Double) c[1]);
            float g = f(Jax.grad(op).apply(x)), g2 = f(Jax.grad(Jax.grad(op)).apply(x));
            assertTrue(Float.isFinite(g) && Float.isFinite(g2), op + " at " + c[1]);
            Jax.checkGrads(xs -> op.apply((Array) xs[0]), new Array[] {x}, 2, "fwd", "rev");
        }
    }
}
