package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;
import dev.jaxvm.JitFnN;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The places where {@code jnp} runs its body under {@code jax.jit} with a name (e.g. {@code _flip},
 * {@code _roll_static}, {@code _pad}, {@code atleast_2d}, {@code sort}, {@code argsort}, {@code trace}), so
 * that Jaxprs show the same {@code jit[name=...]} equations as JAX's. The arguments are exactly those JAX
 * passes to the jitted function (including weak scalars such as {@code _pad}'s {@code constant_values});
 * everything else the body uses is static, as JAX's {@code static_argnums}.
 *
 * <p>Under a transformation the body is staged as a {@code jit} equation; in eager evaluation it runs
 * directly (same values, no program to build).
 */
final class NamedCall {
    private NamedCall() {}

    /** One jitted function per jnp name; its cache is keyed by argument types and the static values. */
    private static final ConcurrentHashMap<String, JitFnN> JITS = new ConcurrentHashMap<>();

    /**
     * Runs {@code body(args, statics)} as JAX's jitted function {@code name} would. {@code statics} are
     * JAX's static arguments (compared with {@code equals}); {@code body} must depend on nothing else
     * (no captured values), since one jitted function serves every call with that name.
     */
    @SuppressWarnings("unchecked")
    static <S> Array call1(String name, List<Array> args, S statics, BiFunction<List<Array>, S, Array> body) {
        if (Trace.current() == EvalInterpreter.INSTANCE) return body.apply(args, statics);
        // Keyed by name and call site (a non-capturing lambda's class): jnp jits different bodies under
        // one name (e.g. "_where" in jnp.where and inside trace), and each must keep its own.
        JitFnN f = JITS.computeIfAbsent(name + "@" + body.getClass().getName(), k -> Jax.jitN(xs -> body.apply(
                arrays(xs, xs.length - 1), (S) xs[xs.length - 1])).named(name).staticArgnums(-1));
        Object[] in = new Object[args.size() + 1];
        for (int i = 0; i < args.size(); i++) in[i] = args.get(i);
        in[args.size()] = statics;
        return (Array) f.apply(in);
    }

    private static List<Array> arrays(Object[] xs, int n) {
        List<Array> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add((Array) xs[i]);
        return out;
    }
}
