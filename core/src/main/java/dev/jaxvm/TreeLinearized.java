package dev.jaxvm;

/**
 * What the pytree forms of {@code Jax.linearize} return (JAX's {@code (primals_out, f_jvp[, aux])}):
 * the function's value, its linearization at the primals, and the auxiliary data when the function
 * has any ({@code has_aux=True}), else null. {@code linear} takes one tangent per primal, each of
 * its primal's structure, shapes and tangent dtypes (float0 for integer primals), and returns the
 * value's tangent, of the value's structure; zero tangents of constant outputs are real zeros.
 *
 * {@snippet :
 * TreeLinearized l = Jax.linearizeN(args -> Map.of("y", Jnp.sin((Array) args[0])), x);
 * Map<?, ?> t = (Map<?, ?>) l.linear().apply(Jnp.ones(3));    // {"y": cos(x)}
 * }
 *
 * @param primal the value
 * @param linear the JVP at the primals, as a function of tangents
 * @param aux the auxiliary data, with its arrays' primal values, or null
 */
public record TreeLinearized(Object primal, FnN linear, Object aux) {}
