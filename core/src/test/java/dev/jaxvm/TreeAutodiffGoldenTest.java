package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.numpy.Jnp;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Autodiff over pytrees against real JAX 0.10.2 ({@code tools/gen_tree_ad_goldens.py}): the same
 * functions of dicts (Maps) and tuples (Lists), differentiated with argnums, has_aux, jvp, vjp,
 * linearize, jacfwd, jacrev and hessian, give JAX's structures, shapes, dtypes, weak types and values.
 */
class TreeAutodiffGoldenTest {
    private static final JsonObject GOLDEN = load();
    private static final JsonObject CASES = GOLDEN.getAsJsonObject("cases");

    private static JsonObject load() {
        var in = TreeAutodiffGoldenTest.class.getResourceAsStream("/ad/tree_ad_goldens.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static Object input(String name) { return decode(GOLDEN.getAsJsonObject("inputs").get(name)); }

    /** A JSON pytree as Java values: dicts as Maps, lists as Lists, arrays as float32 arrays. */
    static Object decode(JsonElement e) {
        if (e.isJsonPrimitive()) return Jnp.array(e.getAsFloat());
        JsonObject o = e.getAsJsonObject();
        if (o.has("dict")) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (var en : o.getAsJsonObject("dict").entrySet()) m.put(en.getKey(), decode(en.getValue()));
            return m;
        }
        if (o.has("list")) {
            List<Object> l = new ArrayList<>();
            for (JsonElement c : o.getAsJsonArray("list")) l.add(decode(c));
            return l;
        }
        if (o.has("str")) return o.get("str").getAsString();
        JsonArray data = o.getAsJsonArray("data");
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) v[i] = data.get(i).getAsFloat();
        JsonArray s = o.getAsJsonArray("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = s.get(i).getAsInt();
        return Jnp.array(v).reshape(shape);
    }

    /** Asserts {@code got} has {@code want}'s structure, dtypes, weak types and values (float32 tolerances). */
    static void assertTree(JsonElement want, Object got, String path) {
        JsonObject o = want.getAsJsonObject();
        if (o.has("dict")) {
            Map<?, ?> m = assertInstanceOf(Map.class, got, path);
            var entries = o.getAsJsonObject("dict").entrySet();
            assertEquals(entries.size(), m.size(), path + ": keys " + m.keySet());
            for (var en : entries) assertTree(en.getValue(), m.get(en.getKey()), path + "['" + en.getKey() + "']");
        } else if (o.has("list")) {
            List<?> l = assertInstanceOf(List.class, got, path);
            JsonArray a = o.getAsJsonArray("list");
            assertEquals(a.size(), l.size(), path + ": length");
            for (int i = 0; i < a.size(); i++) assertTree(a.get(i), l.get(i), path + "[" + i + "]");
        } else if (o.has("str")) {
            assertEquals(o.get("str").getAsString(), got, path);
        } else {
            Array x = assertInstanceOf(Array.class, got, path);
            JsonArray s = o.getAsJsonArray("shape");
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = s.get(i).getAsInt();
            assertEquals(java.util.Arrays.toString(shape), java.util.Arrays.toString(x.shape()), path + ": shape");
            assertEquals(o.get("dtype").getAsString(), x.dtype().toString(), path + ": dtype");
            assertEquals(o.get("weak").getAsBoolean(), x.weakType(), path + ": weak type");
            float[] v = x.toFloatArray();
            JsonArray data = o.getAsJsonArray("data");
            for (int i = 0; i < v.length; i++) {
                double w = data.get(i).getAsDouble();
                assertEquals(w, v[i], 2e-6 + 2e-5 * Math.abs(w), path + ": element " + i);
            }
        }
    }

    private static void check(String name, String field, Object got) {
        assertTree(CASES.getAsJsonObject(name).get(field), got, name + "." + field);
    }

    private static Map<?, ?> map(Object o) { return (Map<?, ?>) o; }

    private static List<?> list(Object o) { return (List<?>) o; }

    /** {@code model(p, q, s)} of the generator: a loss and the aux {"h": ..., "tag": "aux"}. */
    private static List<Object> model(Object p, Object q, Object s) {
        Array w = (Array) map(p).get("w"), b = (Array) map(p).get("b");
        Array q0 = (Array) list(q).get(0), q1 = (Array) list(q).get(1);
        Array h = Jnp.tanh(Jnp.add(Jnp.multiply(q1, w), b));
        Array loss = Jnp.add(Jnp.multiply(Jnp.sum(Jnp.matmul(Jnp.sin(q0), h)), s), Jnp.sum(Jnp.power(w, 2)));
        return List.of(loss, Map.of("h", Jnp.sum(h, 0), "tag", "aux"));
    }

    /** {@code vec(p)}: {"o": a * b, "p": sin(a), "q": [b ** 3]}. */
    private static Map<String, Object> vec(Object p) {
        Array a = (Array) map(p).get("a"), b = (Array) map(p).get("b");
        return Map.of("o", Jnp.multiply(a, b), "p", Jnp.sin(a), "q", List.of(Jnp.power(b, 3)));
    }

    @Test
    void valueAndGradWithArgnumsAndAuxOnPytrees() {
        Object p = input("P"), q = input("Q"), s = input("S");
        TreeGradResult r = Jax.valueAndGradTree(args -> model(args[0], args[1], args[2]),
                GradOptions.argnums(1, 0).withHasAux(true)).apply(p, q, s);
        check("value_and_grad_argnums_10_aux", "value", r.value());
        check("value_and_grad_argnums_10_aux", "aux", r.aux());
        check("value_and_grad_argnums_10_aux", "grad", r.grad());
        List<?> ga = (List<?>) Jax.gradN(args -> model(args[0], args[1], args[2]), GradOptions.argnums(0).withHasAux(true))
                .apply(p, q, s);
        check("grad_argnums_0_aux", "grad", ga.get(0));
        check("grad_argnums_0_aux", "aux", ga.get(1));
        // WithAux is accepted as the pair too
        List<?> gw = (List<?>) Jax.gradN(args -> new WithAux((Array) model(args[0], args[1], args[2]).get(0), "x"),
                GradOptions.argnums(0).withHasAux(true)).apply(p, q, s);
        check("grad_argnums_0_aux", "grad", gw.get(0));
        assertEquals("x", gw.get(1));
        Object g = Jax.gradN(args -> model(args[0], args[1], args[2]).get(0), GradOptions.argnums(2, 1)).apply(p, q, s);
        check("grad_argnums_21", "grad", g);
    }

    @Test
    void jvpVjpAndLinearizeOfDicts() {
        Object vp = input("VP"), t = input("T");
        TreeJvpResult<Object> j = Jax.jvpN(args -> vec(args[0]), new Object[] {vp}, new Object[] {t});
        check("jvp_dict", "primal", j.primal());
        check("jvp_dict", "tangent", j.tangent());
        var v = Jax.vjpN(args -> vec(args[0]), vp);
        check("vjp_dict", "primal", v.primal());
        check("vjp_dict", "cts", v.pullback().apply(decode(CASES.getAsJsonObject("vjp_dict").get("ct"))));
        TreeLinearized l = Jax.linearizeNWithAux(args -> List.of(vec(args[0]), Map.of("n", Jnp.sum(map(args[0]).get("a")))), vp);
        check("linearize_dict_aux", "primal", l.primal());
        check("linearize_dict_aux", "aux", l.aux());
        check("linearize_dict_aux", "tangent", l.linear().apply(t));
    }

    @Test
    void jacobiansOfPytrees() {
        Object vp = input("VP");
        check("jacfwd_dict", "jac", Jax.jacfwdN(args -> vec(args[0]), GradOptions.argnums(0)).apply(vp));
        check("jacrev_dict", "jac", Jax.jacrevN(args -> vec(args[0]), GradOptions.argnums(0)).apply(vp));
        FnN two = args -> Map.of("xy", Jnp.multiply(args[0], args[1]), "s", Jnp.multiply(Jnp.sum(Jnp.exp(args[0])), args[1]));
        Object x2 = input("X2"), y2 = input("Y2");
        check("jacfwd_argnums_10", "jac", Jax.jacfwdN(two, GradOptions.argnums(1, 0)).apply(x2, y2));
        check("jacrev_argnums_10", "jac", Jax.jacrevN(two, GradOptions.argnums(1, 0)).apply(x2, y2));
        List<?> ja = (List<?>) Jax.jacrevN(args -> List.of(vec(args[0]).get("o"), Jnp.multiply(map(args[0]).get("a"), 2)),
                GradOptions.argnums(0).withHasAux(true)).apply(vp);
        check("jacrev_aux", "jac", ja.get(0));
        check("jacrev_aux", "aux", ja.get(1));
    }

    @Test
    void hessiansOfPytrees() {   // C4 and a dict
        FnN scal = args -> {
            Array a = (Array) map(args[0]).get("a"), b = (Array) map(args[0]).get("b");
            return Jnp.add(Jnp.sum(Jnp.multiply(Jnp.power(a, 2), b)), Jnp.sin(b));
        };
        check("hessian_dict", "hess", Jax.hessianN(scal, GradOptions.argnums(0)).apply(input("VP")));
        Object h = Jax.hessianN(args -> Jnp.power(Jnp.stack(list(args[0])), 2), GradOptions.argnums(0))
                .apply(List.of(1.0, 2.0));
        check("hessian_tuple", "hess", h);
        assertTrue(GOLDEN.get("jax_version").getAsString().startsWith("0.10.2"));
    }
}
