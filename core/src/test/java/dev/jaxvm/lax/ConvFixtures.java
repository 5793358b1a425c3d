package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the expected values written by {@code tools/gen_conv_cases.py} (resources under {@code conv/}). */
public final class ConvFixtures {
    private ConvFixtures() {}

    /** The parsed JSON resource {@code conv/<name>.json}. */
    public static JsonObject load(String name) {
        try (InputStream in = ConvFixtures.class.getResourceAsStream("/conv/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("missing test resource conv/" + name + ".json");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array from {@code {"shape", "dtype", "data"}}. */
    public static DenseArray array(JsonObject o) {
        JsonArray s = o.getAsJsonArray("shape");
        int[] dims = new int[s.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = s.get(i).getAsInt();
        DType t = DType.of(o.get("dtype").getAsString());
        JsonArray d = o.getAsJsonArray("data");
        Object data = Storage.allocate(t, d.size());
        for (int i = 0; i < d.size(); i++) {
            JsonElement e = d.get(i);
            if (t == DType.BOOL) Storage.setBoolean(t, data, i, e.getAsBoolean());
            else if (t.isFloating()) Storage.setDouble(t, data, i, e.getAsDouble());
            else Storage.setLong(t, data, i, e.getAsLong());
        }
        return DenseArray.wrap(new ArrayType(new Shape(dims), t, false), data);
    }

    /** Ints or null. */
    public static int[] ints(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }

    /** A padding string or {@code int[][]} pairs. */
    public static Object padding(JsonElement e) {
        if (e.isJsonPrimitive()) return e.getAsString();
        JsonArray a = e.getAsJsonArray();
        int[][] out = new int[a.size()][];
        for (int i = 0; i < out.length; i++) out[i] = ints(a.get(i));
        return out;
    }

    /** Asserts same shape, dtype and bit-identical values. */
    public static void assertSame(Array expected, Array actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        if (expected.dtype().isFloating()) assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), what);
        else assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what);
    }
}
