package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Everything that depends on {@code jax_enable_x64}: the full promotion tables of JAX (x64 off and
 * on, generated with real JAX into numpy/promotion.json; PROMOTION.md §5 plus bf16/f16 columns) and
 * function results with x64 enabled. Each test restores the flag in {@code finally}.
 */
class X64CasesTest {
    private static final Map<String, DType> NAMES = Map.of("bool", DType.BOOL, "uint8", DType.UINT8,
            "uint32", DType.UINT32, "int8", DType.INT8, "int32", DType.INT32, "int64", DType.INT64,
            "bfloat16", DType.BFLOAT16, "float16", DType.FLOAT16, "float32", DType.FLOAT32, "float64", DType.FLOAT64);

    /** A value of the row/column kind: a strong 0-d array (canonicalised as JAX does) or a Java scalar. */
    private static Object value(String name) {
        return switch (name) {
            case "weak_int" -> 1;
            case "weak_float" -> 1.0;
            default -> Jnp.ones(new int[0], NAMES.get(name));
        };
    }

    @TestFactory
    Stream<DynamicTest> promotionTables() {
        JsonObject root = NumpyCases.load("promotion").getAsJsonObject();
        List<DynamicTest> tests = new ArrayList<>();
        for (String mode : List.of("x32", "x64")) {
            JsonObject table = root.getAsJsonObject("tables").getAsJsonObject(mode);
            for (String row : table.keySet()) {
                tests.add(DynamicTest.dynamicTest(mode + " " + row, () -> {
                    boolean saved = Jax.config().enableX64();
                    try {
                        Jax.config().enableX64(mode.equals("x64"));
                        JsonObject cols = table.getAsJsonObject(row);
                        for (String col : cols.keySet()) {
                            String want = cols.get(col).getAsString();
                            var r = Jnp.add(value(row), value(col));
                            String got = r.dtype().numpyName() + (r.weakType() ? "*" : "");
                            assertEquals(want, got, mode + ": " + row + " + " + col);
                            // The lattice itself, without values (jnp.result_type drops weakness).
                            ArrayType a = typeOf(row), b = typeOf(col);
                            ArrayType t = Promotion.resultType(List.of(a, b));
                            assertEquals(want, t.dtype().numpyName() + (t.weakType() ? "*" : ""),
                                    mode + ": resultType(" + row + ", " + col + ")");
                        }
                    } finally {
                        Jax.config().enableX64(saved);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static ArrayType typeOf(String name) {
        return switch (name) {
            case "weak_int" -> new ArrayType(Shape.SCALAR, DType.defaultInt(), true);
            case "weak_float" -> new ArrayType(Shape.SCALAR, DType.defaultFloat(), true);
            default -> new ArrayType(Shape.SCALAR, NAMES.get(name).canonicalize(), false);
        };
    }

    @TestFactory
    Stream<DynamicTest> functionsWithX64() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load("x64").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String fn = c.get("fn").getAsString();
            String name = "x64[" + i++ + "] " + fn + " " + c.get("kwargs") + " " + ElementwiseCasesTest.summary(c);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                boolean saved = Jax.config().enableX64();
                try {
                    Jax.config().enableX64(true);
                    List<Object> args = NumpyCases.args(c);
                    JsonObject kw = c.getAsJsonObject("kwargs");
                    NumpyCases.assertClose(name, c.getAsJsonObject("expected"), ElementwiseCasesTest.dispatch(fn, args, kw));
                } finally {
                    Jax.config().enableX64(saved);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void javaScalarsFollowTheFlag() {
        boolean saved = Jax.config().enableX64();
        try {
            Jax.config().enableX64(true);
            assertEquals(DType.INT64, Jnp.arange(3).dtype());
            assertEquals(DType.FLOAT64, Jnp.zeros(2).dtype());
            assertEquals(DType.UINT64, Jnp.sum(Jnp.ones(new int[] {3}, DType.UINT8)).dtype());
            Jax.config().enableX64(false);
            assertEquals(DType.INT32, Jnp.arange(3).dtype());
            assertEquals(DType.UINT32, Jnp.sum(Jnp.ones(new int[] {3}, DType.UINT8)).dtype());
        } finally {
            Jax.config().enableX64(saved);
        }
    }
}
