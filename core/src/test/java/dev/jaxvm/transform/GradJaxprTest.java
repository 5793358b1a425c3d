package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.Fn1;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.FnN;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Jax.makeJaxpr} of derivatives prints exactly what JAX 0.10.2 prints (tools/gen_grad_jaxprs.py). */
class GradJaxprTest {
    private static final JsonObject CASES = load();

    private static JsonObject load() {
        var in = GradJaxprTest.class.getResourceAsStream("/ad/grad_jaxprs.json");
        assertNotNull(in, "ad/grad_jaxprs.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("cases");
    }

    private static void check(String name, Object jaxpr) {
        assertEquals(CASES.get(name).getAsString(), jaxpr.toString(), name);
    }

    private static final Fn2 F = (x, y) -> Jnp.sin(x).add(Jnp.cos(y).mul(2));
    private static final Fn1 SIN_MUL = x -> Jnp.sin(x).mul(x);

    @Test
    void classicExample() {
        check("grad_F_0", Jax.makeJaxpr(Jax.grad(F, 0)).apply(0.5, 0.1));
        check("grad_F_1", Jax.makeJaxpr(Jax.grad(F, 1)).apply(0.5, 0.1));
    }

    @Test
    void reductionsAndBroadcasting() {
        check("grad_sum_sin_mul", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.sin(x).mul(x)))).apply(Jnp.ones(3)));
        check("grad_broadcast", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(x.mul(2.0).add(Jnp.ones(2, 3).mul(x)))))
                .apply(Jnp.ones(3)));
        check("grad_stack", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.stack(List.of(x, x.mul(2)), 0))))
                .apply(Jnp.ones(2)));
        check("grad_select", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Lax.select(x.gt(0), x.mul(x), x.neg()))))
                .apply(Jnp.ones(3)));
    }

    @Test
    void jitComposes() {
        Fn1 f = Jax.jit(SIN_MUL);
        check("grad_jit", Jax.makeJaxpr(Jax.grad(f)).apply(1.0));
        check("jvp_jit", Jax.makeJaxpr((Fn2) (x, t) -> Jax.jvp(f, x, t).tangent()).apply(1.0, 1.0));
        FnN g = Jax.jitN(xs -> List.of(Jnp.sin(xs[0]), Jnp.cos(xs[1]), Jnp.astype(xs[0], DType.INT32)));
        FnN multi = xs -> {
            List<?> o = (List<?>) g.apply(xs);
            return Jnp.add(Jnp.sum(o.get(0)), Jnp.sum(o.get(1)));
        };
        check("grad_jit_multi_0", Jax.makeJaxprN(Jax.gradN(multi, 0)).apply(Jnp.ones(3), Jnp.ones(3)));
        check("grad_jit_multi_1", Jax.makeJaxprN(Jax.gradN(multi, 1)).apply(Jnp.ones(3), Jnp.ones(3)));
        check("jit_grad", Jax.makeJaxpr(Jax.jit(Jax.grad(SIN_MUL))).apply(1.0));
    }

    @Test
    void stopGradientCheckpointCustomJvp() {
        check("grad_stop_gradient", Jax.makeJaxpr(Jax.grad((Fn1) x -> Lax.stopGradient(x).mul(x))).apply(1.0));
        check("grad_checkpoint", Jax.makeJaxpr(Jax.grad(Jax.checkpoint(x -> Jnp.sin(Jnp.sin(x))))).apply(1.0));
        Fn1[] three = new Fn1[1];
        three[0] = Jax.customJvp(x -> Jnp.sin(x), (p, t) -> new JvpResult(three[0].apply(p[0]), t[0].mul(3.0)));
        check("grad_custom_jvp", Jax.makeJaxpr(Jax.grad(three[0])).apply(1.0));
    }

    @Test
    void secondOrder() {
        check("grad_grad_sin", Jax.makeJaxpr(Jax.grad(Jax.grad((Fn1) Jnp::sin))).apply(1.0));
    }
}
