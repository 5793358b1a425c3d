package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the jnp shape, indexing, at[], linalg and sorting functions to the values JAX 0.10.2 computes
 * (tools/gen_numpy_shape_cases.py): dtype, shape and elements, or an exception where JAX raises one.
 */
class NumpyShapeCasesTest {

    @TestFactory
    Stream<DynamicTest> casesMatchJax() {
        JsonArray cases = JsonParser.parseReader(new InputStreamReader(
                NumpyShapeCasesTest.class.getResourceAsStream("/numpy_shape/cases.json"), StandardCharsets.UTF_8))
                .getAsJsonArray();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : cases) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonObject c) {
        String name = c.get("name").getAsString();
        List<Object> args = new ArrayList<>();
        for (JsonElement a : c.getAsJsonArray("args")) args.add(decode(a));
        if (c.has("error")) {
            try {
                Object r = NumpyShapeCalls.call(c.get("fn").getAsString(), args);
                fail(name + ": JAX raises " + c.get("error").getAsString() + " but jaxvm returned " + r);
            } catch (ArrayIndexOutOfBoundsException | NullPointerException | ClassCastException | IllegalStateException ex) {
                throw new AssertionError(name + ": expected a clear error, got " + ex, ex);
            } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException
                     | UnsupportedOperationException ex) {
                assertTrue(ex.getMessage() != null && !ex.getMessage().isBlank(), name + ": error without message");
            }
            return;
        }
        Object r = NumpyShapeCalls.call(c.get("fn").getAsString(), args);
        List<Array> outs = r instanceof Array a ? List.of(a) : castList(r);
        JsonArray expected = c.getAsJsonArray("outputs");
        assertEquals(expected.size(), outs.size(), name + ": number of outputs");
        for (int i = 0; i < outs.size(); i++) compare(name + " output " + i, expected.get(i).getAsJsonObject(), outs.get(i));
    }

    @SuppressWarnings("unchecked")
    private static List<Array> castList(Object r) { return (List<Array>) r; }

    static Object decode(JsonElement a) {
        if (a == null || a.isJsonNull()) return null;
        if (a.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonElement x : a.getAsJsonArray()) out.add(decode(x));
            return out;
        }
        if (a.isJsonObject()) return array(a.getAsJsonObject().getAsJsonObject("array"));
        var p = a.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isString()) return p.getAsString();
        String s = p.getAsString();
        return s.contains(".") || s.contains("e") ? (Object) p.getAsDouble() : (Object) p.getAsInt();
    }

    static DenseArray array(JsonObject o) {
        DType t = DType.of(o.get("dtype").getAsString());
        JsonArray sh = o.getAsJsonArray("shape");
        int[] shape = new int[sh.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = sh.get(i).getAsInt();
        JsonArray d = o.getAsJsonArray("data");
        Object data = Storage.allocate(t, d.size());
        for (int i = 0; i < d.size(); i++) {
            JsonElement v = d.get(i);
            if (t == DType.BOOL) Storage.setBoolean(t, data, i, v.getAsBoolean());
            else if (t.isFloating()) Storage.setDouble(t, data, i, number(v));
            else Storage.setLong(t, data, i, v.getAsLong());
        }
        return DenseArray.wrap(new ArrayType(new Shape(shape), t, false), data);
    }

    private static double number(JsonElement v) {
        return switch (v.getAsString()) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> v.getAsDouble();
        };
    }

    private static void compare(String what, JsonObject exp, Array got) {
        DenseArray e = array(exp);
        assertEquals(e.dtype(), got.dtype(), what + ": dtype");
        assertArrayEquals(e.shape(), got.shape(), what + ": shape");
        DType t = e.dtype();
        double rtol = switch (t) {
            case FLOAT16, BFLOAT16 -> 1e-2;
            case FLOAT32 -> 1e-6;
            default -> 0;
        };
        for (int i = 0; i < e.size(); i++) {
            if (t.isFloating()) {
                double x = e.getDouble(i), y = ((DenseArray) got).getDouble(i);
                boolean ok = Double.isNaN(x) ? Double.isNaN(y) : (x == y || Math.abs(x - y) <= rtol * Math.abs(x) + rtol);
                assertTrue(ok, what + ": element " + i + " expected " + x + " got " + y + "\n" + got);
            } else {
                assertEquals(e.getLong(i), ((DenseArray) got).getLong(i), what + ": element " + i + "\n" + got);
            }
        }
    }
}
