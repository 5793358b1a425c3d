package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.FnN;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.numpy.Jnp;
import dev.jaxvm.tree.Tree;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Control flow against real JAX 0.10.2 ({@code tools/controlflow_goldens.py}): the Jaxpr text byte for
 * byte, the outputs, and the gradients of the differentiable cases.
 */
class ControlFlowJaxTest {
    static final JsonObject CASES = load().getAsJsonObject("cases");

    static JsonObject load() {
        try (var in = ControlFlowJaxTest.class.getResourceAsStream("/controlflow/goldens.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Array F3 = Jnp.array(new float[] {0.5f, -1.25f, 2.0f});
    static final Array T3 = Jnp.array(new float[] {1.0f, 0.5f, -1.0f});

    static Array f32(double v) { return DenseArray.scalar(DType.FLOAT32, false, v); }

    static Array a(Object x) { return (Array) x; }

    record Case(FnN f, Object[] args, boolean jaxprMatches) {}

    static final Map<String, Case> JAVA = new LinkedHashMap<>();

    static void put(String name, FnN f, Object... args) { JAVA.put(name, new Case(f, args, true)); }

    static {
        put("cond_pytree_consts", xs -> {
            Array x = a(xs[0]), y = a(xs[1]);
            Array c = Jnp.array(new float[] {1, 2, 3});
            return Lax.cond(x.sum().gt(0), (List<Array> p) -> List.of(p.get(0).mul(c).add(y), p.get(1)),
                    (List<Array> p) -> List.of(p.get(0).sub(y), p.get(1).mul(2.0)), List.of(x, y));
        }, F3, f32(0.75));
        put("cond_two_operands", xs -> Lax.cond(a(xs[0]).get(0).lt(xs[1]), (Object... o) -> Jnp.sin(a(o[0])).mul(o[1]),
                (Object... o) -> Jnp.cos(a(o[0])).add(o[1]), xs[0], xs[1]), F3, f32(0.25));
        put("cond_int_pred", xs -> Lax.cond(3, (Array v) -> v.add(1.0), (Array v) -> v.sub(1.0), a(xs[0])), F3);
        put("switch_two_operands", xs -> Lax.switch_(xs[0],
                List.<Function<Array, Array>>of(v -> v.mul(2.0), v -> Jnp.exp(v), v -> v.neg()), a(xs[1])),
                DenseArray.scalarLong(DType.INT32, false, 1), F3);
        put("while_simple", xs -> Lax.whileLoop((Array c) -> c.sum().lt(10.0), c -> c.mul(2.0), a(xs[0])), F3);
        put("while_cond_consts", xs -> Lax.whileLoop((Array c) -> c.sum().lt(xs[1]), c -> c.mul(2.0).add(xs[0]), a(xs[0])),
                Jnp.abs(F3), f32(40));
        put("while_move_to_const", xs -> Lax.whileLoop((List<Object> c) -> a(c.get(0)).lt(4),
                c -> List.of(a(c.get(0)).add(1), a(c.get(1)).mul(c.get(2)), c.get(2)), List.of(0, xs[0], xs[1])).get(1),
                F3, f32(1.5));
        put("fori_concrete", xs -> Lax.foriLoop(0, 5, (Array i, Array c) -> c.mul(0.5).add(i), a(xs[0])), F3);
        put("fori_unroll", xs -> Lax.foriLoop(0, 6, (Array i, Array c) -> c.mul(0.5).add(i), a(xs[0]), 2), F3);
        put("fori_traced", xs -> Lax.foriLoop(0, xs[1], (Array i, Array c) -> c.mul(0.5).add(i), a(xs[0])),
                F3, DenseArray.scalarLong(DType.INT32, false, 3));
        put("scan_reverse", xs -> pair(Lax.scan((Array c, Array x) -> new ScanResult<>(c.mul(x), c.add(x)), Jnp.asarray(1.0),
                a(xs[0]), null, true, 1)), F3);
        put("scan_no_xs", xs -> pair(Lax.scan((Array c, Object n) -> new ScanResult<>(c.mul(2.0), c), a(xs[0]), null, 4,
                false, 1)), F3);
        put("scan_pytree_carry", xs -> {
            Array w = a(xs[1]);
            return pair(Lax.scan((List<Array> c, Array x) -> new ScanResult<>(List.of(c.get(0).add(x.mul(w)), c.get(1).mul(x)),
                    c.get(0).mul(c.get(1))), List.of(Jnp.zeros(new int[0]), Jnp.ones(new int[0])), a(xs[0])));
        }, F3, f32(0.5));
        put("scan_with_cond", xs -> pair(Lax.scan((Array c, Array x) -> {
            Array c2 = Lax.cond(x.gt(0), (Array v) -> v.add(x), (Array v) -> v.mul(0.5), c);
            return new ScanResult<>(c2, c2.mul(x));
        }, Jnp.asarray(0.0), a(xs[0]))), F3);
        put("cond_with_while", xs -> Lax.cond(a(xs[0]).sum().gt(0),
                (Array v) -> Lax.whileLoop((Array c) -> c.sum().lt(5.0), c -> c.add(1.0), v), (Array v) -> v, a(xs[0])), F3);
        put("map_sin", xs -> Lax.map((Array r) -> Jnp.sin(r).sum(), a(xs[0])),
                Jnp.arange(6).astype(DType.FLOAT32).reshape(3, 2).div(3));
        put("jvp_cond", xs -> {
            JvpResult r = Jax.jvp(v -> Lax.cond(v.sum().gt(0), (Array u) -> Jnp.sin(u), (Array u) -> Jnp.cos(u), v), a(xs[0]),
                    a(xs[1]));
            return List.of(r.primal(), r.tangent());
        }, F3, T3);
        put("jvp_scan", xs -> {
            var r = Jax.jvpN(v -> pair(Lax.scan((Array c, Array x) -> new ScanResult<>(c.mul(x), Jnp.sin(c)), Jnp.asarray(1.0),
                    a(v[0]))), new Object[] {xs[0]}, new Object[] {xs[1]});
            return List.of(r.primal(), r.tangent());
        }, F3, T3);
        JAVA.put("vmap_cond", new Case(xs -> Jax.vmap((Array v) -> Lax.cond(v.sum().gt(0), (Array u) -> Jnp.sin(u),
                (Array u) -> Jnp.cos(u), v)).apply(a(xs[0])), new Object[] {Jnp.array(new float[][] {{0.5f, 1}, {-2, 0.5f}, {-1, -1}})},
                true));
        put("vmap_while", xs -> Jax.vmap((Array v) -> Lax.whileLoop((Array c) -> c.lt(10.0), c -> c.mul(2.0), v)).apply(a(xs[0])),
                Jnp.array(new float[] {0.5f, 3, 7}));
        put("vmap_scan", xs -> Jax.vmap((Array v) -> pair(Lax.scan((Array c, Array x) -> new ScanResult<>(c.add(x), c.mul(x)),
                Jnp.asarray(0.0), v))).apply(a(xs[0])), Jnp.array(new float[][] {{0.5f, 1}, {-2, 0.5f}, {-1, -1}}));
        JAVA.put("grad_cond", new Case(xs -> Jax.grad((Array v) -> Lax.cond(v.sum().gt(0), (Array u) -> Jnp.sin(u).sum(),
                (Array u) -> u.mul(u).sum(), v)).apply(a(xs[0])), new Object[] {F3}, false));
        JAVA.put("grad_scan", new Case(xs -> Jax.grad((Array v) -> Lax.scan((Array c, Array x) -> new ScanResult<>(
                c.mul(x).add(Jnp.sin(x)), c), Jnp.asarray(1.0), v).carry()).apply(a(xs[0])), new Object[] {F3}, false));
    }

    static List<Array> pair(ScanResult<?, ?> r) {
        List<Array> out = new ArrayList<>();
        for (Object o : Tree.leaves(List.of(r.carry(), r.ys() == null ? List.of() : r.ys()))) out.add((Array) o);
        return out;
    }

    static double[] values(JsonElement e) {
        List<Double> out = new ArrayList<>();
        flatten(e, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonElement e, List<Double> out) {
        if (e.isJsonArray()) for (JsonElement x : e.getAsJsonArray()) flatten(x, out);
        else out.add(e.getAsDouble());
    }

    static void assertClose(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + ": sizes");
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 2e-5 * Math.max(1, Math.abs(want[i])), what + " [" + i + "]");
    }

    @Test
    void everyGoldenCaseHasAJavaTwin() {
        assertEquals(CASES.keySet(), JAVA.keySet());
    }

    @Test
    void jaxprsMatchJax() {
        List<String> failures = new ArrayList<>();
        for (var e : JAVA.entrySet()) {
            if (!e.getValue().jaxprMatches()) continue;
            // JAX prints the axes its reduce_sum batching rule computed as NumPy ints
            String want = CASES.getAsJsonObject(e.getKey()).get("jaxpr").getAsString().replace("np.int64(1)", "1");
            String got = Jax.makeJaxprN(e.getValue().f()).apply(e.getValue().args()).toString();
            if (!want.equals(got)) failures.add(e.getKey() + ":\n--- JAX\n" + want + "\n--- jaxvm\n" + got);
        }
        assertEquals("", String.join("\n\n", failures));
    }

    @Test
    void valuesAndGradientsMatchJax() {
        for (var e : JAVA.entrySet()) {
            JsonObject c = CASES.getAsJsonObject(e.getKey());
            Case k = e.getValue();
            List<Object> leaves = Tree.leaves(k.f().apply(k.args()));
            JsonArray outs = c.getAsJsonArray("outs");
            assertEquals(outs.size(), leaves.size(), e.getKey());
            for (int i = 0; i < leaves.size(); i++) assertClose(values(outs.get(i)), ((Array) leaves.get(i)).toDoubleArray(), e.getKey());
            for (int i = 0; i < leaves.size(); i++) {
                assertClose(values(outs.get(i)), ((Array) Tree.leaves(Jax.jitN(k.f()).apply(k.args())).get(i)).toDoubleArray(),
                        e.getKey() + " (jit)");
            }
            if (c.has("grad")) {
                Object[] args = k.args();
                Array g = Jax.grad((Array x) -> {
                    Object[] a = args.clone();
                    a[0] = x;
                    return ((Array) Tree.leaves(k.f().apply(a)).getFirst()).sum();
                }).apply((Array) args[0]);
                assertClose(values(c.get("grad")), g.toDoubleArray(), e.getKey() + " (grad)");
            }
        }
    }
}
