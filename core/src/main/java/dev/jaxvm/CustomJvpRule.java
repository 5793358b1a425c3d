package dev.jaxvm;

/**
 * A user-supplied JVP rule for {@code Jax.customJvp}: given the primal arguments and their tangents
 * (zeros instantiated), returns the primal output and its tangent.
 *
 * {@snippet :
 * CustomJvpRule rule = (p, t) -> new JvpResult(Jnp.sin(p[0]), Jnp.cos(p[0]).mul(t[0]));
 * }
 */
@FunctionalInterface
public interface CustomJvpRule {
    /** The primal output and its tangent. */
    JvpResult apply(Array[] primals, Array[] tangents);
}
