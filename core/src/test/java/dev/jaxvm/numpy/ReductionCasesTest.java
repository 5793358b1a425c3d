package dev.jaxvm.numpy;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jnp's reductions and scans against the results of real JAX (numpy/reductions.json). */
class ReductionCasesTest {
    static final Set<String> REDUCTIONS = Set.of("sum", "prod", "mean", "var", "std", "max", "min", "argmax", "argmin",
            "all", "any", "cumsum", "cumprod", "axis_error");

    static Array call(String fn, List<Object> a, JsonObject kw) {
        Object x = a.getFirst();
        int[] axes = NumpyCases.ints(kw, "axis");
        boolean keep = kw.has("keepdims") && kw.get("keepdims").getAsBoolean();
        int ddof = kw.has("ddof") ? kw.get("ddof").getAsInt() : 0;
        Integer axis = axes == null ? null : axes[0];
        return switch (fn) {
            case "sum" -> Jnp.sum(x, axes, keep);
            case "prod" -> Jnp.prod(x, axes, keep);
            case "mean" -> Jnp.mean(x, axes, keep);
            case "var" -> Jnp.var(x, axes, ddof, keep);
            case "std" -> Jnp.std(x, axes, ddof, keep);
            case "max" -> Jnp.max(x, axes, keep);
            case "min" -> Jnp.min(x, axes, keep);
            case "argmax" -> Jnp.argmax(x, axis, keep);
            case "argmin" -> Jnp.argmin(x, axis, keep);
            case "all" -> Jnp.all(x, axes, keep);
            case "any" -> Jnp.any(x, axes, keep);
            case "cumsum" -> axis == null ? Jnp.cumsum(x) : Jnp.cumsum(x, axis);
            case "cumprod" -> axis == null ? Jnp.cumprod(x) : Jnp.cumprod(x, axis);
            case "axis_error" -> Jnp.sum(x, 3);
            default -> throw new IllegalStateException("no Java mapping for " + fn);
        };
    }

    @TestFactory
    Stream<DynamicTest> reductions() { return ElementwiseCasesTest.cases("reductions"); }
}
