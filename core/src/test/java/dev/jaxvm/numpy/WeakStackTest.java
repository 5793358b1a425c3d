package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Weak types through {@code stack}, {@code concatenate}, {@code hstack}, {@code vstack} and
 * {@code array} of weakly typed inputs, against JAX 0.10.2 with x64 enabled
 * ({@code tools/gen_adcatalog_goldens.py}): the joining functions keep a result weak when every
 * input is weak, while {@code jnp.array} of a sequence is always strongly typed.
 */
class WeakStackTest {

    private static List<Object> inputs(String kind) {
        return switch (kind) {
            case "python_floats" -> List.of(1.0, 2.0);
            case "weak_arrays" -> List.of(Jnp.asarray(1.0), Jnp.asarray(2.0));
            case "weak_vectors" -> List.of(Jnp.full(new int[] {2}, 1.0), Jnp.full(new int[] {2}, 2.0));
            case "weak_and_strong" -> List.of(Jnp.asarray(1.0), Jnp.array(2.0, DType.FLOAT32));
            case "python_ints" -> List.of(1, 2);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Function<List<Object>, Array> fn(String name) {
        return switch (name) {
            case "stack" -> Jnp::stack;
            case "concatenate" -> xs -> Jnp.concatenate(xs.stream().map(x -> (Object) Jnp.reshape(Jnp.asarray(x), -1)).toList());
            case "array" -> Jnp::array;
            case "hstack" -> Jnp::hstack;
            case "vstack" -> Jnp::vstack;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void weakTypesOfJoinedWeakInputsMatchJax() {
        boolean x64 = Jax.config().enableX64();
        Jax.config().enableX64(true);
        List<String> failures = new ArrayList<>();
        int n = 0;
        try (var in = new InputStreamReader(WeakStackTest.class.getResourceAsStream("/adcatalog/weak.json"),
                StandardCharsets.UTF_8)) {
            JsonArray cases = JsonParser.parseReader(in).getAsJsonArray();
            for (JsonElement e : cases) {
                JsonObject c = e.getAsJsonObject();
                String what = c.get("fn").getAsString() + "(" + c.get("inputs").getAsString() + ")";
                List<Object> xs = inputs(c.get("inputs").getAsString());
                if (c.get("inputs").getAsString().startsWith("weak_")) {
                    assertTrue(((Array) xs.getFirst()).weakType(), what + ": the first input must be weak");
                }
                Array y = fn(c.get("fn").getAsString()).apply(xs);
                int[] shape = new Gsonless(c.getAsJsonArray("shape")).ints();
                String got = y.dtype().name().toLowerCase() + " weak=" + y.weakType() + " " + Arrays.toString(y.shape());
                String want = c.get("dtype").getAsString() + " weak=" + c.get("weak_type").getAsBoolean() + " "
                        + Arrays.toString(shape);
                if (!got.equals(want)) failures.add(what + ": expected " + want + ", got " + got);
                n++;
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } finally {
            Jax.config().enableX64(x64);
        }
        assertEquals(List.of(), failures);
        assertTrue(n >= 20, "cases: " + n);
    }

    /** A JSON int list. */
    private record Gsonless(JsonArray a) {
        int[] ints() {
            int[] out = new int[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
            return out;
        }
    }
}
