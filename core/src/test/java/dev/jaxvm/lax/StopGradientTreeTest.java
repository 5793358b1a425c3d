package dev.jaxvm.lax;

import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code Lax.stopGradient} on pytrees (JAX's {@code lax.stop_gradient} maps over its argument):
 * gradients through stopped records and lists against JAX 0.10.2 ({@code tools/gen_adcatalog_goldens.py}).
 */
@ExtendWith(EnableX64.class)
class StopGradientTreeTest {
    /** Model parameters, a pytree. */
    record Params(Array w, Array b) {}

    private static Array s(Array x) { return Lax.reduceSum(x, 0); }

    /** The generator's {@code f}: the stopped copies contribute values but no gradient. */
    private static Array f(Params p) {
        Params stopped = Lax.stopGradient(p);
        List<Array> pair = Lax.stopGradient(List.of(p.w(), p.b()));
        return Lax.add(Lax.add(s(Lax.mul(Lax.sin(p.w()), stopped.w())), Lax.mul(pair.get(1), p.b())),
                Lax.mul(s(Lax.mul(p.w(), pair.get(0))), p.b()));
    }

    @Test
    void gradThroughStoppedPytreesMatchesJax() {
        JsonObject g = Goldens.load("/adcatalog/stop_gradient.json").getAsJsonObject();
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) w[i] = g.getAsJsonArray("w").get(i).getAsDouble();
        Params p = new Params(DenseArray.of(ArrayType.of(DType.FLOAT64, 3), w), DenseArray.scalar(DType.FLOAT64, false,
                g.get("b").getAsDouble()));
        AutodiffContractTest.assertClose(new double[] {g.get("value").getAsDouble()}, f(p).toDoubleArray(), 1e-14, "value");
        double[] wantW = new double[3];
        for (int i = 0; i < 3; i++) wantW[i] = g.getAsJsonArray("grad_w").get(i).getAsDouble();
        Function<Params, Params> grad = Jax.grad(StopGradientTreeTest::f);
        for (Params got : List.of(grad.apply(p), Jax.jit(grad).apply(p))) {
            AutodiffContractTest.assertClose(wantW, got.w().toDoubleArray(), 1e-14, "grad w");
            AutodiffContractTest.assertClose(new double[] {g.get("grad_b").getAsDouble()}, got.b().toDoubleArray(), 1e-14, "grad b");
        }
    }

    @Test
    void mapsOverEveryArrayLeafAndKeepsTheStructure() {
        Array x = DenseArray.scalar(DType.FLOAT64, false, 2);
        Array i = DenseArray.scalarLong(DType.INT32, false, 3);
        Map<String, Object> tree = Map.of("a", x, "b", List.of(i, 1.5));
        Map<String, Object> out = Lax.stopGradient(tree);
        assertEquals(tree.keySet(), out.keySet());
        List<?> b = (List<?>) out.get("b");
        assertEquals(1.5, b.get(1), "a non-array leaf passes through");
        assertEquals(DType.INT32, ((Array) b.get(0)).dtype());
        String jaxpr = Jax.makeJaxpr((Function<Array, Object>) y -> Lax.stopGradient(List.of(y, Lax.mul(y, y)))).apply(x).toString();
        assertEquals(2, jaxpr.split("stop_gradient", -1).length - 1, jaxpr);
        Array single = Lax.stopGradient(x);
        assertSame(DenseArray.class, single.getClass());
    }
}
