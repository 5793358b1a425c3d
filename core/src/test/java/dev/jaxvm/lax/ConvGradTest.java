package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.Index;
import dev.jaxvm.Jax;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** {@code Jax.grad} through a convolution, max pooling and average pooling, against real JAX 0.10.2. */
class ConvGradTest {
    private static final JsonObject CASE = ConvFixtures.load("grad_cases");

    @Test
    void gradientsOfASmallCnnLossMatchJax() {
        Array x = ConvFixtures.array(CASE.getAsJsonObject("x"));
        Array w = ConvFixtures.array(CASE.getAsJsonObject("w"));
        // sliced outside the function, as NumPy does in the generator (a constant of the traced function)
        Array c = ConvFixtures.array(CASE.getAsJsonObject("c")).get(Index.ALL, Index.slice(0, 1), Index.slice(0, 2), Index.ALL);
        Fn2 loss = (a, k) -> {
            Array y = Lax.convGeneralDilated(a, k, new int[] {1, 1}, "SAME", null, null,
                    new String[] {"NHWC", "HWIO", "NHWC"}, 2, 1, null, null);
            Array m = Lax.reduceWindowMax(y, new int[] {1, 2, 2, 1}, new int[] {1, 2, 2, 1}, "SAME");
            Array p = Lax.reduceWindowSum(m, new int[] {1, 2, 2, 1}, new int[] {1, 2, 2, 1}, "VALID").div(4);
            return p.mul(c).sum();
        };
        assertEquals(CASE.get("loss").getAsDouble(), ((Number) loss.apply(x, w).item()).doubleValue(), 1e-4);
        Array dx = Jax.grad(loss, 0).apply(x, w);
        Array dw = Jax.grad(loss, 1).apply(x, w);
        assertArrayEquals(ConvFixtures.array(CASE.getAsJsonObject("dx")).toFloatArray(), dx.toFloatArray(), 1e-4f, "d loss / d x");
        assertArrayEquals(ConvFixtures.array(CASE.getAsJsonObject("dw")).toFloatArray(), dw.toFloatArray(), 1e-4f, "d loss / d w");
        assertEquals(CASE.get("jaxpr_grad_w").getAsString(), Jax.makeJaxpr(Jax.grad(loss, 1)).apply(x, w).toString());
    }
}
