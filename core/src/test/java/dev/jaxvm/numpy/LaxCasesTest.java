package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The lax primitives behind jnp's elementwise functions and reductions (round, integer_pow, the erf
 * family, lgamma, digamma, clamp, reduce_precision, bitcast_convert_type, reduce_*, argmax/argmin,
 * cumulative scans): reference evaluation against real JAX's values, and type rules against JAX's
 * error messages (numpy/lax.json).
 */
class LaxCasesTest {
    static Array call(String prim, JsonObject p, List<Object> args) {
        Array x = (Array) args.getFirst();
        int[] axes = NumpyCases.ints(p, "axes");
        return switch (prim) {
            case "erf" -> Lax.erf(x);
            case "erfc" -> Lax.erfc(x);
            case "erf_inv" -> Lax.erfInv(x);
            case "lgamma" -> Lax.lgamma(x);
            case "digamma" -> Lax.digamma(x);
            case "round" -> Lax.round(x, p.get("rounding_method").getAsInt());
            case "integer_pow" -> Lax.integerPow(x, p.get("y").getAsInt());
            case "reduce_precision" -> Lax.reducePrecision(x, p.get("exponent_bits").getAsInt(),
                    p.get("mantissa_bits").getAsInt());
            case "bitcast_convert_type" -> Lax.bitcastConvertType(x, NumpyCases.dtype(p, "new_dtype"));
            case "clamp" -> Lax.clamp(x, (Array) args.get(1), (Array) args.get(2));
            case "reduce_max" -> Lax.reduceMax(x, axes);
            case "reduce_min" -> Lax.reduceMin(x, axes);
            case "reduce_prod" -> Lax.reduceProd(x, axes);
            case "reduce_sum" -> Lax.reduceSum(x, axes);
            case "reduce_and" -> Lax.reduceAnd(x, axes);
            case "reduce_or" -> Lax.reduceOr(x, axes);
            case "reduce_xor" -> Lax.reduceXor(x, axes);
            case "argmax" -> Lax.argmax(x, axes[0], DType.of(p.get("index_dtype").getAsString()));
            case "argmin" -> Lax.argmin(x, axes[0], DType.of(p.get("index_dtype").getAsString()));
            case "cumsum" -> Lax.cumsum(x, p.get("axis").getAsInt(), p.get("reverse").getAsBoolean());
            case "cumprod" -> Lax.cumprod(x, p.get("axis").getAsInt(), p.get("reverse").getAsBoolean());
            case "cummax" -> Lax.cummax(x, p.get("axis").getAsInt(), p.get("reverse").getAsBoolean());
            case "cummin" -> Lax.cummin(x, p.get("axis").getAsInt(), p.get("reverse").getAsBoolean());
            case "cumlogsumexp" -> Lax.cumlogsumexp(x, p.get("axis").getAsInt(), p.get("reverse").getAsBoolean());
            default -> throw new IllegalStateException("no Java mapping for " + prim);
        };
    }

    @TestFactory
    Stream<DynamicTest> lax() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load("lax").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String prim = c.get("prim").getAsString();
            String name = "lax[" + i++ + "] " + prim + " " + c.get("params") + " " + ElementwiseCasesTest.summary(c);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Object> args = NumpyCases.args(c);
                JsonObject p = c.getAsJsonObject("params");
                if (c.has("error")) {
                    String want = c.get("error").getAsString();
                    RuntimeException ex = assertThrows(RuntimeException.class, () -> call(prim, p, args), name);
                    // Where JAX fails with an internal error, jaxvm's message must at least name the primitive.
                    String expect = want.startsWith("cannot convert float infinity") ? prim : want;
                    assertTrue(ex.getMessage().contains(expect), name + "\n  JAX:    " + want + "\n  jaxvm:  " + ex.getMessage());
                } else {
                    NumpyCases.assertClose(name, c.getAsJsonObject("expected"), call(prim, p, args));
                }
            }));
        }
        return tests.stream();
    }
}
