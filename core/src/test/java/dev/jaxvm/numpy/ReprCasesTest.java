package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Jax;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code Array.toString()} against {@code repr()} of the same arrays in real JAX (numpy/repr.json). */
class ReprCasesTest {
    @TestFactory
    Stream<DynamicTest> reprs() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load("repr").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String want = c.get("repr").getAsString();
            tests.add(DynamicTest.dynamicTest("repr[" + i++ + "] " + want.substring(0, Math.min(40, want.length())), () -> {
                boolean x64 = Jax.config().enableX64();
                try {
                    Jax.config().enableX64(true); // float64 cases must not be canonicalised while decoding
                    DenseArray a = NumpyCases.array(c.getAsJsonObject("array"));
                    assertEquals(want, a.toString());
                } finally {
                    Jax.config().enableX64(x64);
                }
            }));
        }
        return tests.stream();
    }
}
