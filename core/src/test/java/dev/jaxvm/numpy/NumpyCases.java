package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the cases {@code tools/gen_numpy_cases.py} generated with real JAX and NumPy, and holds the
 * one closeness assertion (per-dtype tolerances) all numpy tests use.
 */
final class NumpyCases {
    private NumpyCases() {}

    /** The parsed JSON resource {@code numpy/<name>.json}. */
    static JsonElement load(String name) {
        String path = "/numpy/" + name + ".json";
        try (InputStream in = NumpyCases.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** An encoded argument: a Java scalar ({@code {"scalar": kind, "value": v}}) or an array. */
    static Object arg(JsonElement e) {
        JsonObject o = e.getAsJsonObject();
        if (o.has("scalar")) {
            JsonElement v = o.get("value");
            return switch (o.get("scalar").getAsString()) {
                case "bool" -> v.getAsBoolean();
                case "int" -> v.getAsInt();
                default -> number(v);
            };
        }
        return array(o);
    }

    /** The encoded array, with its dtype, shape and weak flag. */
    static DenseArray array(JsonObject o) {
        DType t = DType.of(o.get("dtype").getAsString());
        JsonArray s = o.getAsJsonArray("shape");
        int[] dims = new int[s.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = s.get(i).getAsInt();
        JsonArray data = o.getAsJsonArray("data");
        Object buf = Storage.allocate(t, data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonElement v = data.get(i);
            switch (t.kind()) {
                case BOOL -> Storage.setBoolean(t, buf, i, v.getAsBoolean());
                case INT, UINT -> Storage.setLong(t, buf, i, v.getAsBigInteger().longValue());
                case FLOAT -> Storage.setDouble(t, buf, i, number(v));
                case FLOAT0 -> throw new IllegalArgumentException("float0 in test data");
            }
        }
        boolean weak = o.has("weak") && o.get("weak").getAsBoolean();
        return DenseArray.wrap(new ArrayType(new Shape(dims), t, weak), buf);
    }

    static double number(JsonElement v) {
        if (v.getAsJsonPrimitive().isString()) {
            return switch (v.getAsString()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "-0.0" -> -0.0;
                default -> Double.parseDouble(v.getAsString());
            };
        }
        return v.getAsDouble();
    }

    /** The arguments of a case. */
    static List<Object> args(JsonObject c) {
        List<Object> out = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray("args")) out.add(arg(e));
        return out;
    }

    /** Relative and absolute tolerance for a dtype: XLA's float kernels may differ by a few ulps. */
    static double tolerance(DType t) {
        return switch (t) {
            case FLOAT16 -> 2e-3;
            case BFLOAT16 -> 1.6e-2;
            case FLOAT32 -> 2e-6;
            case FLOAT64 -> 1e-13;
            case BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> 0;
        };
    }

    /**
     * Asserts that {@code actual} has the expected dtype, weak flag and shape, and values equal (ints,
     * bools) or close (floats: NaN matches NaN, infinities match exactly).
     */
    static void assertClose(String context, JsonObject expected, Array actual) {
        DenseArray want = array(expected);
        assertEquals(want.dtype(), actual.dtype(), context + ": dtype");
        assertArrayEquals(want.shape(), actual.shape(), context + ": shape");
        assertEquals(want.weakType(), actual.weakType(), context + ": weak_type");
        double tol = tolerance(want.dtype());
        DenseArray got = (DenseArray) actual;
        for (int i = 0; i < want.size(); i++) {
            if (want.dtype().isFloating()) {
                double w = want.getDouble(i), g = got.getDouble(i);
                boolean ok = Double.isNaN(w) ? Double.isNaN(g)
                        : Double.isInfinite(w) ? w == g : Math.abs(w - g) <= tol * Math.max(1, Math.abs(w));
                if (!ok) fail(context + ": element " + i + " expected " + w + " got " + g + "\n  expected " + want
                        + "\n  actual   " + actual);
            } else if (want.getLong(i) != got.getLong(i)) {
                fail(context + ": element " + i + " expected " + want.getLong(i) + " got " + got.getLong(i)
                        + "\n  expected " + want + "\n  actual   " + actual);
            }
        }
    }

    /** An int[] from a JSON number or array (null for JSON null / absent). */
    static int[] ints(JsonObject kw, String key) {
        if (!kw.has(key) || kw.get(key).isJsonNull()) return null;
        JsonElement e = kw.get(key);
        if (e.isJsonPrimitive()) return new int[] {e.getAsInt()};
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }

    /** A Java scalar bound (Integer, Double) or null. */
    static Object scalar(JsonObject kw, String key) {
        if (!kw.has(key) || kw.get(key).isJsonNull()) return null;
        JsonElement e = kw.get(key);
        if (e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        String s = e.getAsString();
        return s.contains(".") || s.contains("e") ? (Object) e.getAsDouble() : (Object) e.getAsInt();
    }

    /** A dtype keyword or null. */
    static DType dtype(JsonObject kw, String key) {
        return !kw.has(key) || kw.get(key).isJsonNull() ? null : DType.of(kw.get(key).getAsString());
    }
}
