package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jnp's elementwise functions against the results of real JAX (numpy/elementwise.json). */
class ElementwiseCasesTest {
    static final Map<String, Function<Object, Array>> UNARY = Map.ofEntries(
            Map.entry("negative", Jnp::negative), Map.entry("positive", Jnp::positive), Map.entry("abs", Jnp::abs),
            Map.entry("sign", Jnp::sign), Map.entry("square", Jnp::square), Map.entry("sqrt", Jnp::sqrt),
            Map.entry("cbrt", Jnp::cbrt), Map.entry("reciprocal", Jnp::reciprocal), Map.entry("exp", Jnp::exp),
            Map.entry("exp2", Jnp::exp2), Map.entry("expm1", Jnp::expm1), Map.entry("log", Jnp::log),
            Map.entry("log2", Jnp::log2), Map.entry("log10", Jnp::log10), Map.entry("log1p", Jnp::log1p),
            Map.entry("sin", Jnp::sin), Map.entry("cos", Jnp::cos), Map.entry("tan", Jnp::tan),
            Map.entry("arcsin", Jnp::arcsin), Map.entry("arccos", Jnp::arccos), Map.entry("arctan", Jnp::arctan),
            Map.entry("sinh", Jnp::sinh), Map.entry("cosh", Jnp::cosh), Map.entry("tanh", Jnp::tanh),
            Map.entry("arcsinh", Jnp::arcsinh), Map.entry("arccosh", Jnp::arccosh), Map.entry("arctanh", Jnp::arctanh),
            Map.entry("floor", Jnp::floor), Map.entry("ceil", Jnp::ceil), Map.entry("trunc", Jnp::trunc),
            Map.entry("rint", Jnp::rint), Map.entry("round", Jnp::round), Map.entry("isnan", Jnp::isnan),
            Map.entry("isinf", Jnp::isinf), Map.entry("isfinite", Jnp::isfinite), Map.entry("logical_not", Jnp::logicalNot),
            Map.entry("bitwise_not", Jnp::bitwiseNot), Map.entry("signbit", Jnp::signbit),
            Map.entry("deg2rad", Jnp::deg2rad), Map.entry("rad2deg", Jnp::rad2deg));

    static final Map<String, BiFunction<Object, Object, Array>> BINARY = Map.ofEntries(
            Map.entry("add", Jnp::add), Map.entry("subtract", Jnp::subtract), Map.entry("multiply", Jnp::multiply),
            Map.entry("divide", Jnp::divide), Map.entry("true_divide", Jnp::trueDivide),
            Map.entry("floor_divide", Jnp::floorDivide), Map.entry("mod", Jnp::mod), Map.entry("remainder", Jnp::remainder),
            Map.entry("fmod", Jnp::fmod), Map.entry("power", Jnp::power), Map.entry("maximum", Jnp::maximum),
            Map.entry("minimum", Jnp::minimum), Map.entry("arctan2", Jnp::arctan2), Map.entry("hypot", Jnp::hypot),
            Map.entry("logaddexp", Jnp::logaddexp), Map.entry("equal", Jnp::equal), Map.entry("not_equal", Jnp::notEqual),
            Map.entry("less", Jnp::less), Map.entry("less_equal", Jnp::lessEqual), Map.entry("greater", Jnp::greater),
            Map.entry("greater_equal", Jnp::greaterEqual), Map.entry("logical_and", Jnp::logicalAnd),
            Map.entry("logical_or", Jnp::logicalOr), Map.entry("logical_xor", Jnp::logicalXor),
            Map.entry("bitwise_and", Jnp::bitwiseAnd), Map.entry("bitwise_or", Jnp::bitwiseOr),
            Map.entry("bitwise_xor", Jnp::bitwiseXor), Map.entry("left_shift", Jnp::leftShift),
            Map.entry("right_shift", Jnp::rightShift));

    static Array call(String fn, List<Object> a, JsonObject kw) {
        if (fn.equals("round") && kw.has("decimals")) return Jnp.round(a.get(0), kw.get("decimals").getAsInt());
        if (fn.equals("where")) return Jnp.where(a.get(0), a.get(1), a.get(2));
        if (fn.equals("clip")) return Jnp.clip(a.get(0), NumpyCases.scalar(kw, "min"), NumpyCases.scalar(kw, "max"));
        if (UNARY.containsKey(fn)) return UNARY.get(fn).apply(a.get(0));
        if (BINARY.containsKey(fn)) return BINARY.get(fn).apply(a.get(0), a.get(1));
        throw new IllegalStateException("no Java mapping for " + fn);
    }

    static Stream<DynamicTest> cases(String resource) {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement e : NumpyCases.load(resource).getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String fn = c.get("fn").getAsString();
            String name = resource + "[" + i++ + "] " + fn + " " + c.get("kwargs") + " " + summary(c);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Object> args = NumpyCases.args(c);
                JsonObject kw = c.getAsJsonObject("kwargs");
                if (c.has("error")) {
                    assertThrows(RuntimeException.class, () -> dispatch(fn, args, kw), name + " should fail like JAX: "
                            + c.get("error").getAsString());
                } else {
                    NumpyCases.assertClose(name + " args " + args, c.getAsJsonObject("expected"), dispatch(fn, args, kw));
                }
            }));
        }
        return tests.stream();
    }

    static final java.util.Set<String> CREATION = java.util.Set.of("zeros", "ones", "full", "arange", "linspace", "eye",
            "tri", "identity", "diag", "zeros_like", "ones_like", "full_like");

    static Array dispatch(String fn, List<Object> args, JsonObject kw) {
        if (CREATION.contains(fn)) return CreationCasesTest.call(fn, args, kw);
        return ReductionCasesTest.REDUCTIONS.contains(fn) ? ReductionCasesTest.call(fn, args, kw) : call(fn, args, kw);
    }

    static String summary(JsonObject c) {
        StringBuilder b = new StringBuilder();
        for (JsonElement a : c.getAsJsonArray("args")) {
            JsonObject o = a.getAsJsonObject();
            b.append(o.has("scalar") ? o.get("scalar").getAsString() + "-scalar"
                    : o.get("dtype").getAsString() + o.get("shape")).append(' ');
        }
        return b.toString().strip();
    }

    @TestFactory
    Stream<DynamicTest> elementwise() { return cases("elementwise"); }
}
