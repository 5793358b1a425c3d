package dev.jaxvm;

/**
 * The function transformations of JAX ({@code jit}, {@code grad}, {@code vmap}, ...) and jaxvm's
 * configuration.
 *
 * {@snippet :
 * Jax.config().enableX64(false);
 * }
 */
public final class Jax {
    private static final Config CONFIG = new Config();

    private Jax() {}

    /** The process-wide configuration, as {@code jax.config}. */
    public static Config config() { return CONFIG; }
}
