package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.Fn2;
import dev.jaxvm.FnN;
import dev.jaxvm.GradOptions;
import dev.jaxvm.GradResult;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.VjpResult;
import dev.jaxvm.WithAux;
import dev.jaxvm.FnAux;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradTest {
    private static float f(Array a) { return (Float) a.item(); }

    @Test
    void classicExample() {
        Fn2 F = (x, y) -> Jnp.sin(x).add(Jnp.cos(y).mul(2));
        Fn2 Fx = Jax.grad(F, 0);
        Fn2 Fy = Jax.grad(F, 1);
        for (int k = 0; k < 20; k++) {
            float theta = (float) (Math.PI * k / 19);
            assertEquals(Math.cos(theta), f(Fx.apply(Jnp.array(theta), Jnp.array(0.1f))), 1e-6, "theta=" + theta);
            assertEquals(-2 * Math.sin(theta), f(Fy.apply(Jnp.array(0.1f), Jnp.array(theta))), 1e-6, "theta=" + theta);
        }
    }

    @Test
    void noPerturbationConfusion() {
        // d/dx [x * d/dy (x + y)] at any x: the inner derivative is 1, so the result is 1.
        Fn1 outer = x -> x.mul(Jax.grad((Fn1) y -> x.add(y)).apply(Jnp.array(2f)));
        assertEquals(1f, f(Jax.grad(outer).apply(Jnp.array(3f))));
    }

    @Test
    void higherOrder() {
        Fn1 sin = Jnp::sin;
        Array x = Jnp.array(0.7f);
        assertEquals(-Math.sin(0.7), f(Jax.grad(Jax.grad(sin)).apply(x)), 1e-6);
        assertEquals(-Math.cos(0.7), f(Jax.grad(Jax.grad(Jax.grad(sin))).apply(x)), 1e-6);
        // 6-fold grad of 1/x at 4: 720 / 4^7
        Fn1 g = y -> Jnp.divide(1f, y);
        for (int i = 0; i < 6; i++) g = Jax.grad(g);
        assertEquals(0.0439453125f, f(g.apply(Jnp.array(4f))), 1e-7);
    }

    @Test
    void argnumsAndValueAndGrad() {
        FnN fn = xs -> Jnp.add(Jnp.add(Jnp.multiply(xs[0], 1.0), Jnp.multiply(xs[1], 2.0)), Jnp.multiply(xs[2], 3.0));
        Array one = Jnp.array(1f);
        assertEquals(1f, f((Array) Jax.gradN(fn, 0).apply(one, one, one)));
        assertEquals(2f, f((Array) Jax.gradN(fn, 1).apply(1.0, 1.0, 1.0)));
        @SuppressWarnings("unchecked")
        List<Array> g = (List<Array>) Jax.gradN(fn, 2, 0).apply(one, one, one);
        assertEquals(3f, f(g.get(0)));
        assertEquals(1f, f(g.get(1)));
        GradResult r = Jax.valueAndGradN(fn, 2, 0).apply(one, one, one);
        assertEquals(6f, f(r.value()));
        assertEquals(3f, f(r.grads().get(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.grad((Fn2) (x, y) -> x, 2).apply(one, one));
        assertEquals("differentiating with respect to argnums=2 requires at least 3 positional arguments to be passed by"
                + " the caller, but got only 2 positional arguments.", e.getMessage());
    }

    @Test
    void errors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jax.grad((Fn1) x -> x).apply(Jnp.zeros(3)));
        assertEquals("Gradient only defined for scalar-output functions. Output had shape: (3,). To get the gradient,"
                + " reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a"
                + " non-scalar output.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.grad((Fn1) x -> x).apply(Jnp.zeros(1)));
        assertTrue(e.getMessage().contains("output.reshape(()) or output[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.grad((Fn1) x -> x).apply(Jnp.zeros(1, 1)));
        assertTrue(e.getMessage().contains("output.reshape(()), reduce"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Jax.grad((Fn1) x -> x.mul(x)).apply(Jnp.array(3)));
        assertEquals("grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got"
                + " int32. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.",
                e.getMessage());
    }

    @Test
    void allowIntGivesFloat0() {
        GradResult r = Jax.valueAndGradN((FnN) xs -> Jnp.add(xs[0], 0.0), GradOptions.argnums(0).withAllowInt(true))
                .apply(Jnp.array(1));
        assertEquals(DType.FLOAT0, r.grad().dtype());
        assertEquals(0, r.grad().ndim());
    }

    @Test
    void hasAux() {
        FnAux fa = xs -> new WithAux(xs[0].pow(3), List.of(xs[0].pow(2)));
        GradResult r = Jax.valueAndGradWithAux(fa, GradOptions.argnums(0).withHasAux(true)).apply(Jnp.array(3f));
        assertEquals(27f, f(r.grad()));
        assertEquals(9f, f((Array) ((List<?>) r.aux()).getFirst()));
    }

    @Test
    void jvpAndVjp() {
        JvpResult j = Jax.jvp(x -> x.pow(3), Jnp.array(3f), Jnp.array(4f));
        assertEquals(27f, f(j.primal()));
        assertEquals(108f, f(j.tangent()));
        VjpResult v = Jax.vjp(xs -> Jnp.multiply(xs[0], xs[1]), Jnp.array(2f), Jnp.array(5f));
        List<Array> cts = v.pullback().apply(Jnp.array(1f));
        assertEquals(5f, f(cts.get(0)));
        assertEquals(2f, f(cts.get(1)));
        var lin = Jax.linearize(xs -> Jnp.sin(xs[0]), Jnp.array(0.5f));
        assertEquals(Math.cos(0.5) * 2, f((Array) lin.linear().apply(Jnp.array(2f))), 1e-6);
    }

    @Test
    void stopGradient() {
        Fn1 f1 = x -> Jnp.sin(x).mul(Jnp.cos(Lax.stopGradient(x)));
        Array x = Jnp.array(3.14f);
        Array expected = Jax.grad((Fn2) (a, b) -> Jnp.sin(a).mul(Jnp.cos(b)), 0).apply(x, x);
        assertEquals(f(expected), f(Jax.grad(f1).apply(x)));
    }

    @Test
    void jacobiansAndHessian() {
        Array a = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}});
        Array x = Jnp.array(new float[] {0.5f, -1f, 2f});
        Fn1 lin = v -> Lax.reduceSum(Lax.mul(a, Lax.broadcastInDim(v, new int[] {3, 3}, 1)), 1);  // A @ v
        assertArrayClose(a.toFloatArray(), Jax.jacfwd(lin).apply(x).toFloatArray());
        assertArrayClose(a.toFloatArray(), Jax.jacrev(lin).apply(x).toFloatArray());
        Fn1 quad = v -> Lax.reduceSum(Lax.mul(v, lin.apply(v)), 0);     // v @ A @ v
        float[] h = Jax.hessian(quad).apply(x).toFloatArray();
        float[] aa = a.toFloatArray();
        float[] want = new float[9];
        for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) want[i * 3 + k] = aa[i * 3 + k] + aa[k * 3 + i];
        assertArrayClose(want, h);
    }

    private static void assertArrayClose(float[] want, float[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-5, "element " + i);
    }
}
