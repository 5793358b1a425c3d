package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jnp's creation functions against the results of real JAX (numpy/creation.json). */
class CreationCasesTest {
    static Array call(String fn, List<Object> a, JsonObject kw) {
        DType dt = NumpyCases.dtype(kw, "dtype");
        int[] shape = NumpyCases.ints(kw, "shape");
        return switch (fn) {
            case "zeros" -> Jnp.zeros(shape);
            case "ones" -> Jnp.ones(shape, dt);
            case "full" -> dt == null ? Jnp.full(shape, NumpyCases.scalar(kw, "fill"))
                    : Jnp.full(shape, NumpyCases.scalar(kw, "fill"), dt);
            case "arange" -> arange(kw.getAsJsonArray("args"), dt);
            case "linspace" -> Jnp.linspace(NumpyCases.scalar(kw, "start"), NumpyCases.scalar(kw, "stop"),
                    kw.get("num").getAsInt(), kw.get("endpoint").getAsBoolean(), dt);
            case "eye" -> Jnp.eye(kw.get("n").getAsInt(), kw.get("m").getAsInt(), kw.get("k").getAsInt(), dt);
            case "tri" -> Jnp.tri(kw.get("n").getAsInt(), kw.get("m").getAsInt(), kw.get("k").getAsInt(), dt);
            case "identity" -> Jnp.identity(kw.get("n").getAsInt(), dt);
            case "diag" -> Jnp.diag(a.getFirst(), kw.get("k").getAsInt());
            case "zeros_like" -> dt == null ? Jnp.zerosLike(a.getFirst()) : Jnp.zerosLike(a.getFirst(), dt);
            case "ones_like" -> dt == null ? Jnp.onesLike(a.getFirst()) : Jnp.onesLike(a.getFirst(), dt);
            case "full_like" -> dt == null ? Jnp.fullLike(a.getFirst(), NumpyCases.scalar(kw, "fill"))
                    : Jnp.fullLike(a.getFirst(), NumpyCases.scalar(kw, "fill"), dt);
            default -> throw new IllegalStateException("no Java mapping for " + fn);
        };
    }

    private static Array arange(JsonArray args, DType dt) {
        boolean floating = false;
        for (JsonElement e : args) floating |= e.getAsString().contains(".");
        if (floating) {
            double a0 = args.get(0).getAsDouble();
            return switch (args.size()) {
                case 1 -> Jnp.arange(a0);
                case 2 -> Jnp.arange(a0, args.get(1).getAsDouble());
                default -> dt == null ? Jnp.arange(a0, args.get(1).getAsDouble(), args.get(2).getAsDouble())
                        : Jnp.arange(a0, args.get(1).getAsDouble(), args.get(2).getAsDouble(), dt);
            };
        }
        int a0 = args.get(0).getAsInt();
        return switch (args.size()) {
            case 1 -> Jnp.arange(a0);
            case 2 -> Jnp.arange(a0, args.get(1).getAsInt());
            default -> dt == null ? Jnp.arange(a0, args.get(1).getAsInt(), args.get(2).getAsInt())
                    : Jnp.arange(a0, args.get(1).getAsInt(), args.get(2).getAsInt(), dt);
        };
    }

    @TestFactory
    Stream<DynamicTest> creation() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load("creation").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String fn = c.get("fn").getAsString();
            String name = "creation[" + i++ + "] " + fn + " " + c.get("kwargs");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Object> args = NumpyCases.args(c);
                JsonObject kw = c.getAsJsonObject("kwargs");
                if (fn.equals("meshgrid")) {
                    List<Array> out = Jnp.meshgrid(kw.get("ij").getAsBoolean(), args.toArray());
                    JsonArray want = c.getAsJsonArray("expected_list");
                    assertEquals(want.size(), out.size(), name);
                    for (int k = 0; k < out.size(); k++) {
                        NumpyCases.assertClose(name + " output " + k, want.get(k).getAsJsonObject(), out.get(k));
                    }
                } else if (c.has("error")) {
                    assertThrows(RuntimeException.class, () -> call(fn, args, kw), name);
                } else {
                    NumpyCases.assertClose(name, c.getAsJsonObject("expected"), call(fn, args, kw));
                }
            }));
        }
        return tests.stream();
    }
}
