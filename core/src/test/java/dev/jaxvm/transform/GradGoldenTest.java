package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.FnN;
import dev.jaxvm.GradResult;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Gradients of a broad set of functions against values computed by real JAX (tools/gen_grad_goldens.py). */
class GradGoldenTest {
    private static Array c(double v) { return DenseArray.scalar(DType.FLOAT32, false, v); }

    private static Array s(Array x) {
        int[] all = new int[x.ndim()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return Lax.reduceSum(x, all);
    }

    /** The Java mirror of each case of the generator, op for op. */
    private static final Map<String, Function<Array[], Array>> CASES = Map.ofEntries(
            Map.entry("sin_cos", a -> s(Lax.mul(Lax.sin(a[0]), Lax.cos(a[0])))),
            Map.entry("exp_tanh_div", a -> s(Lax.div(Lax.exp(Lax.tanh(a[0])), Lax.add(c(1), Lax.mul(a[0], a[0]))))),
            Map.entry("logistic_log1p", a -> s(Lax.mul(Lax.logistic(a[0]), Lax.log1p(Lax.mul(a[0], a[0]))))),
            Map.entry("max_min", a -> s(Lax.mul(Lax.max(a[0], a[1]), Lax.min(a[0], a[1])))),
            Map.entry("sqrt_rsqrt", a -> s(Lax.sub(Lax.sqrt(Lax.add(Lax.mul(a[0], a[0]), c(1))), Lax.rsqrt(Lax.add(a[0], c(2)))))),
            Map.entry("pow", a -> s(Lax.pow(a[0], a[1]))),
            Map.entry("atan2", a -> s(Lax.atan2(a[0], a[1]))),
            Map.entry("reduce_then_square", a -> s(Lax.square(Lax.reduceSum(a[0], 0)))),
            Map.entry("broadcast_mul", a -> s(Lax.mul(Lax.broadcastInDim(a[0], new int[] {2, 3}, 1), a[1]))),
            Map.entry("size1_broadcast", a -> s(Lax.mul(a[0], Lax.sin(a[1])))),
            Map.entry("scalar_broadcast", a -> s(Lax.mul(a[0], Lax.cos(a[1])))),
            Map.entry("reshape_transpose", a -> s(Lax.mul(Lax.transpose(Lax.reshape(a[0], 2, 3), 1, 0), a[1]))),
            Map.entry("select", a -> s(Lax.select(Lax.gt(a[0], c(0)), Lax.mul(a[0], a[0]), Lax.neg(a[0])))),
            Map.entry("abs_sign", a -> s(Lax.mul(Lax.abs(a[0]), Lax.add(Lax.sign(a[0]), c(2))))),
            Map.entry("stack", a -> s(Lax.mul(Lax.stack(List.of(a[0], Lax.sin(a[0])), 0), a[1]))),
            Map.entry("squeeze_expand", a -> s(Lax.exp(Lax.squeeze(Lax.broadcastInDim(a[0], new int[] {1, 4}, 1), 0)))),
            Map.entry("asinh_acos_atan", a -> s(Lax.add(Lax.add(Lax.asinh(a[0]), Lax.acos(a[0])), Lax.atan(a[0])))),
            Map.entry("sinh_cosh_tan", a -> s(Lax.mul(Lax.add(Lax.sinh(a[0]), Lax.cosh(a[0])), Lax.tan(a[0])))),
            Map.entry("expm1_log_cbrt", a -> s(Lax.add(Lax.expm1(a[0]), Lax.mul(Lax.log(a[0]), Lax.cbrt(a[0]))))),
            Map.entry("rem_div", a -> s(Lax.add(Lax.rem(a[0], a[1]), Lax.div(a[0], a[1])))),
            Map.entry("mlp_like", a -> s(Lax.tanh(Lax.reduceSum(Lax.mul(Lax.broadcastInDim(a[1], new int[] {3, 4}, 1), a[0]), 1)))),
            Map.entry("reused_value", a -> s(Lax.mul(Lax.mul(a[0], a[0]), Lax.add(a[0], Lax.exp(a[0]))))));

    private static final Map<String, Fn1> SECOND_ORDER = Map.of(
            "d2_sin_mul", x -> Lax.mul(Lax.sin(x), Lax.mul(x, x)),
            "d2_logistic", x -> Lax.logistic(Lax.mul(c(3), x)),
            "d2_tanh_exp", x -> Lax.tanh(Lax.exp(x)));

    private static JsonObject goldens() {
        var in = GradGoldenTest.class.getResourceAsStream("/ad/grad_goldens.json");
        assertNotNull(in, "ad/grad_goldens.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static Array decode(JsonObject o) {
        JsonArray shape = o.getAsJsonArray("shape");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i).getAsInt();
        ArrayType t = ArrayType.of(DType.FLOAT32, dims);
        JsonArray data = o.getAsJsonArray("data");
        Object buf = Storage.allocate(DType.FLOAT32, t.size());
        for (int i = 0; i < t.size(); i++) Storage.setDouble(DType.FLOAT32, buf, i, data.get(i).getAsDouble());
        return DenseArray.wrap(t, buf);
    }

    @Test
    void gradientsMatchJax() {
        List<String> failures = new ArrayList<>();
        for (JsonElement e : goldens().getAsJsonArray("cases")) {
            JsonObject k = e.getAsJsonObject();
            String name = k.get("name").getAsString();
            Function<Array[], Array> f = CASES.get(name);
            if (f == null) {
                failures.add(name + ": no Java mirror");
                continue;
            }
            List<Array> args = new ArrayList<>();
            for (JsonElement a : k.getAsJsonArray("args")) args.add(decode(a.getAsJsonObject()));
            int[] argnums = new int[k.getAsJsonArray("argnums").size()];
            for (int i = 0; i < argnums.length; i++) argnums[i] = k.getAsJsonArray("argnums").get(i).getAsInt();
            GradResult r = Jax.valueAndGradN((FnN) xs -> f.apply(java.util.Arrays.copyOf(xs, xs.length, Array[].class)), argnums).apply(args.toArray(Array[]::new));
            try {
                assertClose(k.get("value").getAsDouble(), r.value().toDoubleArray()[0], name + " value");
                JsonArray grads = k.getAsJsonArray("grads");
                for (int i = 0; i < argnums.length; i++) {
                    Array want = decode(grads.get(i).getAsJsonObject());
                    Array got = r.grads().get(i);
                    assertEquals(want.type().shape(), got.type().shape(), name + " grad " + i + " shape");
                    double[] w = want.toDoubleArray(), g = got.toDoubleArray();
                    for (int j = 0; j < w.length; j++) assertClose(w[j], g[j], name + " grad " + i + "[" + j + "]");
                }
            } catch (AssertionError err) {
                failures.add(err.getMessage());
            }
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    @Test
    void higherDerivativesMatchJax() {
        for (JsonElement e : goldens().getAsJsonArray("second_order")) {
            JsonObject k = e.getAsJsonObject();
            String name = k.get("name").getAsString();
            Fn1 f = SECOND_ORDER.get(name);
            Array x = c(k.get("x").getAsDouble());
            Fn1 d1 = Jax.grad(f), d2 = Jax.grad(d1), d3 = Jax.grad(d2);
            assertClose(k.get("d1").getAsDouble(), d1.apply(x).toDoubleArray()[0], name + " d1");
            assertClose(k.get("d2").getAsDouble(), d2.apply(x).toDoubleArray()[0], name + " d2");
            assertClose(k.get("d3").getAsDouble(), d3.apply(x).toDoubleArray()[0], name + " d3");
        }
    }

    private static void assertClose(double want, double got, String what) {
        if (Math.abs(want - got) > 2e-5 * (1 + Math.abs(want))) fail(what + ": expected " + want + " got " + got);
    }
}
