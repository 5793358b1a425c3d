package dev.jaxvm.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.lax.ConvFixtures;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code Signal.convolve2d} and {@code correlate2d} against SciPy (which JAX matches on these inputs). */
class SignalTest {
    private static final JsonObject CASES = ConvFixtures.load("jnp_cases");

    @TestFactory
    Stream<DynamicTest> matchesScipy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String fn : List.of("convolve2d", "correlate2d")) {
            for (JsonElement e : CASES.getAsJsonArray(fn)) {
                JsonObject c = e.getAsJsonObject();
                Array a = ConvFixtures.array(c.getAsJsonObject("a"));
                Array b = ConvFixtures.array(c.getAsJsonObject("b"));
                String mode = c.get("mode").getAsString();
                JsonObject exp = c.getAsJsonObject("expected");
                String name = fn + " " + dev.jaxvm.core.Py.tuple(a.shape()) + dev.jaxvm.core.Py.tuple(b.shape()) + " " + mode;
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (exp.has("error")) {
                        assertThrows(IllegalArgumentException.class, () -> call(fn, a, b, mode));
                    } else {
                        ConvFixtures.assertSame(ConvFixtures.array(exp), call(fn, a, b, mode), name);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static Array call(String fn, Array a, Array b, String mode) {
        return fn.equals("convolve2d") ? Signal.convolve2d(a, b, mode) : Signal.correlate2d(a, b, mode);
    }

    @Test
    void refusesOtherBoundaries() {
        assertEquals("convolve2d() only supports boundary='fill', fillvalue=0", assertThrows(UnsupportedOperationException.class,
                () -> Signal.convolve2d(Jnp.ones(3, 3), Jnp.ones(2, 2), "same", "wrap", 0, null)).getMessage());
        assertEquals("correlate2d() only supports 2-dimensional inputs.", assertThrows(IllegalArgumentException.class,
                () -> Signal.correlate2d(Jnp.ones(3), Jnp.ones(2))).getMessage());
    }
}
