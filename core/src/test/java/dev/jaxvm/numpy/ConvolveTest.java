package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.ConvFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code jnp.convolve} and {@code jnp.correlate} against NumPy. */
class ConvolveTest {
    private static final JsonObject CASES = ConvFixtures.load("jnp_cases");

    @TestFactory
    Stream<DynamicTest> matchesNumpy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String fn : List.of("convolve", "correlate")) {
            for (JsonElement e : CASES.getAsJsonArray(fn)) {
                JsonObject c = e.getAsJsonObject();
                Array a = ConvFixtures.array(c.getAsJsonObject("a"));
                Array v = ConvFixtures.array(c.getAsJsonObject("v"));
                String mode = c.get("mode").getAsString();
                tests.add(DynamicTest.dynamicTest(fn + " " + a.size() + "x" + v.size() + " " + mode, () -> {
                    Array out = fn.equals("convolve") ? Jnp.convolve(a, v, mode) : Jnp.correlate(a, v, mode);
                    ConvFixtures.assertSame(ConvFixtures.array(c.getAsJsonObject("expected")), out, fn);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void preferredElementTypeKeepsIntegers() {
        Array a = Jnp.array(new int[] {1, 2, 3});
        Array v = Jnp.array(new int[] {0, 1, 2});
        Array out = Jnp.convolve(a, v, "full", null, DType.INT32);
        assertEquals(DType.INT32, out.dtype());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1, 4, 7, 6}, out.toIntArray());
        assertEquals(DType.FLOAT32, Jnp.convolve(a, v).dtype());
    }

    @Test
    void rejectsLikeJax() {
        assertEquals("convolve() only support 1-dimensional inputs.", assertThrows(IllegalArgumentException.class,
                () -> Jnp.convolve(Jnp.ones(2, 2), Jnp.ones(2))).getMessage());
        assertEquals("mode must be one of ['full', 'same', 'valid']", assertThrows(IllegalArgumentException.class,
                () -> Jnp.correlate(Jnp.ones(3), Jnp.ones(2), "wide")).getMessage());
        assertEquals("correlate: inputs cannot be empty, got shapes (0,) and (2,).", assertThrows(IllegalArgumentException.class,
                () -> Jnp.correlate(Jnp.ones(0), Jnp.ones(2))).getMessage());
    }
}
