package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.CustomVjpFwd;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.FnN;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomRulesTest {
    private static float f(Object a) { return (Float) ((Array) a).item(); }

    @Test
    void customJvpRuleIsUsedInBothModes() {
        // the rule says d/dx = 3 regardless of the function (as JAX's test_custom_jvp examples)
        Fn1 g = Jax.customJvp(x -> Jnp.sin(x), (p, t) -> new JvpResult(Jnp.sin(p[0]), t[0].mul(3f)));
        Array x = Jnp.array(1f);
        assertEquals((float) Math.sin(1), f(g.apply(x)), 1e-7);
        assertEquals(3f, f(Jax.jvp(g, x, Jnp.array(1f)).tangent()));
        assertEquals(3f, f(Jax.grad(g).apply(x)));
        assertEquals(6f, f(Jax.grad((Fn1) y -> g.apply(y).mul(2f)).apply(x)));
    }

    @Test
    void customJvpSoftplusIsStable() {
        Fn1 softplus = Jax.customJvp(x -> Lax.log1p(Lax.exp(x)),
                (p, t) -> new JvpResult(Lax.log1p(Lax.exp(p[0])), t[0].mul(Lax.logistic(p[0]))));
        assertEquals(1f, f(Jax.grad(softplus).apply(Jnp.array(100f))));
        assertEquals(0.25f, f(Jax.grad(Jax.grad(softplus)).apply(Jnp.array(0f))), 1e-7);
    }

    @Test
    void customVjpUsesBwdAndRefusesForwardMode() {
        // clip the gradient: bwd returns ct * 0.5 * cos(x)
        Fn1 g = Jax.customVjp(x -> Jnp.sin(x), xs -> new CustomVjpFwd.Out(Jnp.sin(xs[0]), List.of(Jnp.cos(xs[0]))),
                (res, ct) -> List.of(res.get(0).mul(ct).mul(0.5f)));
        Array x = Jnp.array(0.3f);
        assertEquals((float) (0.5 * Math.cos(0.3)), f(Jax.grad(g).apply(x)), 1e-7);
        assertEquals((float) Math.sin(0.3), f(g.apply(x)), 1e-7);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Jax.jvp(g, x, Jnp.array(1f)));
        assertEquals("can't apply forward-mode autodiff (jvp) to a custom_vjp function.", e.getMessage());
    }

    @Test
    void checkpointGivesTheSameGradients() {
        Fn1 inner = x -> Jnp.sin(Jnp.sin(x));
        Fn1 remat = Jax.checkpoint(inner);
        Array x = Jnp.array(0.8f);
        assertEquals(f(Jax.grad(inner).apply(x)), f(Jax.grad(remat).apply(x)), 1e-7);
        assertEquals(f(Jax.grad(Jax.grad(inner)).apply(x)), f(Jax.grad(Jax.grad(remat)).apply(x)), 1e-6);
        FnN two = xs -> Jnp.multiply(Jnp.sin(xs[0]), xs[1]);
        FnN twoRemat = Jax.checkpointN(two);
        Object g = Jax.gradN(twoRemat, 0, 1).apply(x, Jnp.array(2f));
        assertEquals(List.of(Jnp.cos(x).mul(2f).item(), Jnp.sin(x).item()),
                ((List<?>) g).stream().map(a -> ((Array) a).item()).toList());
    }

    @Test
    void checkpointStoresOnlyItsInputs() {
        // the linear part of a checkpointed function keeps its input as the only residual
        Fn1 remat = Jax.checkpoint(x -> Jnp.sin(Jnp.sin(x)));
        Array x = Jnp.array(new float[] {0.5f, 1f, 2f});
        Linearize.Result r = Linearize.linearize(xs -> List.of(remat.apply(xs.get(0))), List.of(x));
        assertEquals(List.of(x), r.linear().consts(), r.linear().toString());
        assertTrue(r.linear().toString().contains("remat2"), r.linear().toString());
    }

    @Test
    void checkGradsAcceptsCorrectRulesAndRejectsWrongOnes() {
        Array x = Jnp.array(new float[] {0.3f, -0.7f, 1.1f});
        Jax.checkGrads(xs -> Jnp.sum(Jnp.multiply(Jnp.sin(xs[0]), xs[0])), new Array[] {x}, 2, "fwd", "rev");
        Fn1 wrong = Jax.customJvp(y -> Jnp.sin(y), (p, t) -> new JvpResult(Jnp.sin(p[0]), t[0]));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Jax.checkGrads(xs -> Jnp.sum(wrong.apply((Array) xs[0])), new Array[] {x}, 1, "fwd"));
        assertTrue(e.getMessage().startsWith("JVP"), e.getMessage());
        assertThrows(AssertionError.class,
                () -> Jax.checkGrads(xs -> Jnp.sum(wrong.apply((Array) xs[0])), new Array[] {x}, 1, "rev"));
    }

    @Test
    void jitAndCheckpointPassCheckGrads() {
        Array x = Jnp.array(new float[] {0.3f, -0.7f, 1.1f});
        Fn1 body = y -> Jnp.sum(Jnp.sin(y).mul(y).mul(Lax.exp(y)));
        Fn1 jitted = Jax.jit(body);
        Fn1 remat = Jax.checkpoint(body);
        Jax.checkGrads(xs -> jitted.apply((Array) xs[0]), new Array[] {x}, 2, "fwd", "rev");
        Jax.checkGrads(xs -> remat.apply((Array) xs[0]), new Array[] {x}, 2, "fwd", "rev");
        Fn1 nested = Jax.jit(y -> Jax.grad(Jax.jit(body)).apply(y).mul(2f));
        assertEquals(Jax.grad(body).apply(x).mul(2f).toString(), nested.apply(x).toString());
    }

    @Test
    void staging() {
        ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(Jax.grad(Jax.checkpoint(x -> Jnp.sin(Jnp.sin(x))))
                .apply(xs.get(0))), List.of(ArrayType.of(DType.FLOAT32)));
        assertTrue(j.toString().contains("remat2"), j.toString());
    }
}
