package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Reading golden vectors and comparing arrays bit for bit. */
final class Golden {
    private Golden() {}

    static JsonObject load(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code body} with the given partitionable mode (and x64 setting), restoring both after. */
    static <T> T inMode(boolean partitionable, boolean x64, Supplier<T> body) {
        boolean p = Jax.config().threefryPartitionable();
        boolean x = Jax.config().enableX64();
        Jax.config().threefryPartitionable(partitionable).enableX64(x64);
        try {
            return body.get();
        } finally {
            Jax.config().threefryPartitionable(p).enableX64(x);
        }
    }

    static int[] shape(JsonObject e) {
        JsonArray a = e.getAsJsonArray("shape");
        int[] s = new int[a.size()];
        for (int i = 0; i < s.length; i++) s[i] = a.get(i).getAsInt();
        return s;
    }

    /** Asserts that an integer or bool array equals the entry's values, shape and dtype. */
    static void assertInts(JsonObject e, Array got, String label) {
        assertArrayEquals(shape(e), got.shape(), label + ": shape");
        if (e.has("dtype")) assertEquals(e.get("dtype").getAsString(), got.dtype().numpyName(), label + ": dtype");
        JsonArray v = e.getAsJsonArray("values");
        long[] want = new long[v.size()];
        for (int i = 0; i < want.length; i++) {
            JsonElement x = v.get(i);
            want[i] = x.getAsJsonPrimitive().isBoolean() ? (x.getAsBoolean() ? 1 : 0) : x.getAsBigInteger().longValue();
        }
        assertArrayEquals(want, got.toLongArray(), label);
    }

    /** Asserts that a float32 array has exactly the entry's bit patterns ("hex"). */
    static void assertFloatBits(JsonObject e, Array got, String label) {
        assertArrayEquals(shape(e), got.shape(), label + ": shape");
        assertEquals("float32", got.dtype().numpyName(), label + ": dtype");
        JsonArray hex = e.getAsJsonArray("hex");
        float[] f = got.toFloatArray();
        String[] want = new String[hex.size()];
        String[] have = new String[f.length];
        for (int i = 0; i < want.length; i++) want[i] = hex.get(i).getAsString();
        for (int i = 0; i < f.length; i++) have[i] = String.format("0x%08x", Float.floatToRawIntBits(f[i]));
        assertArrayEquals(want, have, label);
    }
}
