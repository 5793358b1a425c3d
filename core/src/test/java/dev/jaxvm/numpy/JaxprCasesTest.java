package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Jnp lowers to the same equations as {@code jax.numpy}: each case is {@code jax.make_jaxpr} of a jnp
 * function in real JAX (including the {@code jit} equations of jnp's jitted helpers, see
 * {@link NamedCall}), compared with jaxvm's Jaxpr text byte for byte.
 */
class JaxprCasesTest {
    @TestFactory
    Stream<DynamicTest> jaxprs() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load("jaxprs").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String fn = c.get("fn").getAsString();
            String name = "jaxpr[" + i++ + "] " + fn + " " + c.get("kwargs") + " " + ElementwiseCasesTest.summary(c);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<ArrayType> types = new ArrayList<>();
                List<Object> template = new ArrayList<>();
                for (JsonElement a : c.getAsJsonArray("args")) {
                    JsonObject o = a.getAsJsonObject();
                    if (o.has("scalar")) {
                        template.add(o.get("scalar").getAsString().equals("int") ? (Object) o.get("value").getAsInt()
                                : (Object) o.get("value").getAsDouble());
                    } else {
                        int[] dims = NumpyCases.ints(o, "shape");
                        types.add(new ArrayType(new Shape(dims == null ? new int[0] : dims),
                                DType.of(o.get("dtype").getAsString()), false));
                        template.add(null);
                    }
                }
                JsonObject kw = c.getAsJsonObject("kwargs");
                String got = StagingInterpreter.trace(xs -> {
                    List<Object> args = new ArrayList<>(template);
                    int k = 0;
                    for (int j = 0; j < args.size(); j++) if (args.get(j) == null) args.set(j, xs.get(k++));
                    Array out = ElementwiseCasesTest.dispatch(fn, args, kw);
                    return List.of(out);
                }, types).toString();
                assertEquals(c.get("jaxpr").getAsString(), got, name);
            }));
        }
        return tests.stream();
    }
}
