package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.Fn1;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.Linearized;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradients of common model code print what JAX 0.10.2 prints (tools/gen_grad_jaxprs.py): the
 * transposes of dot_general, slice (pad), concatenate (split), and friends.
 */
class GradJaxprOpsTest {
    private static final JsonObject CASES = load();

    private static JsonObject load() {
        var in = GradJaxprOpsTest.class.getResourceAsStream("/ad/grad_jaxprs.json");
        assertNotNull(in, "ad/grad_jaxprs.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("cases");
    }

    private static void check(String name, Object jaxpr) {
        assertEquals(CASES.get(name).getAsString(), jaxpr.toString(), name);
    }

    @Test
    void denseLayerAndMatmul() {
        check("grad_dense_tanh", Jax.makeJaxprN(Jax.gradN(xs -> Jnp.sum(Lax.tanh(Jnp.add(Jnp.dot(xs[0], xs[1]), xs[2]))), 0))
                .apply(Jnp.ones(3, 4), Jnp.ones(4), Jnp.ones(3)));
        check("grad_matmul", Jax.makeJaxpr(Jax.grad((Fn2) (a, c) -> Jnp.sum(Jnp.matmul(a, c)), 0))
                .apply(Jnp.ones(2, 3), Jnp.ones(3, 4)));
    }

    @Test
    void slicingAndJoining() {
        check("grad_slice", Jax.makeJaxpr(Jax.grad((Fn1) x -> x.get("1:").sum())).apply(Jnp.ones(3)));
        check("grad_concat", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.concatenate(List.of(x, x.mul(2)), 0))))
                .apply(Jnp.ones(2)));
    }
    @Test
    void elementwiseAndReductions() {
        check("grad_square_sum", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.power(x, 2)))).apply(Jnp.ones(3)));
        check("grad_mse", Jax.makeJaxpr(Jax.grad((Fn2) (x, y) -> Jnp.mean(Jnp.power(Jnp.subtract(x, y), 2)), 0))
                .apply(Jnp.ones(3), Jnp.zeros(3)));
        check("grad_max", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.max(x))).apply(Jnp.arange(4.0)));
        check("grad_exp_log", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.log(Jnp.exp(x).add(1.0))))).apply(Jnp.ones(3)));
    }

    @Test
    void nestedJnpJits() {
        check("grad_cumsum", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.cumsum(x, 0)))).apply(Jnp.ones(3)));
        check("grad_leaky_relu", Jax.makeJaxpr(Jax.grad((Fn1) x -> Jnp.sum(Jnp.where(x.gt(0), x, x.mul(0.01)))))
                .apply(Jnp.ones(3)));
    }

    @Test
    void linearizeEliminatesIntegerPow() {   // B10
        Linearized l = Jax.linearize(xs -> Jnp.add(Jnp.add(Jnp.multiply(2, Jnp.power(xs[0], 0)),
                Jnp.multiply(3, Jnp.power(xs[0], 1))), Jnp.multiply(4, Jnp.power(xs[0], 2))), Jnp.asarray(3.0));
        String text = Jax.makeJaxprN(l.linear()).apply(1.0).toString();
        assertFalse(text.contains("integer_pow"), text);
        assertEquals(27f, (Float) ((Array) l.linear().apply(Jnp.asarray(1.0))).item());
    }
}
