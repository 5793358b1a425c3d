package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import java.util.List;
import java.util.function.Function;

/**
 * The places where {@code jnp} runs its body under {@code jax.jit} with a name (e.g. {@code _flip},
 * {@code _roll_static}, {@code _pad}, {@code atleast_2d}, {@code sort}, {@code argsort}, {@code trace}), so
 * that JAX's Jaxprs show a {@code jit[name=...]} equation there.
 *
 * <p>TODO(jit): once the {@code jit} primitive exists, stage {@code body} on {@code args} into a Jaxpr and
 * bind {@code jit[name=<name> jaxpr=...]}; until then the body is inlined, so values are right but the
 * printed Jaxpr lacks the nested {@code jit} equation. The arguments are exactly those JAX passes to the
 * jitted function (including weak scalar literals such as {@code _pad}'s {@code constant_values}).
 */
final class NamedCall {
    private NamedCall() {}

    /** Runs {@code body} on {@code args} as JAX's jitted function {@code name} would. */
    static List<Array> call(String name, List<Array> args, Function<List<Array>, List<Array>> body) {
        return body.apply(args);
    }

    /** As {@link #call} for a single output. */
    static Array call1(String name, List<Array> args, Function<List<Array>, Array> body) {
        return body.apply(args);
    }
}
