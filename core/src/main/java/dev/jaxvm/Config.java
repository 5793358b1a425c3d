package dev.jaxvm;

/**
 * jaxvm's global configuration, as {@code jax.config}: read with {@link Jax#config()}.
 *
 * <p>This is, like JAX's, process-wide state; set it once at start-up, before arrays are made.
 * Each flag's initial value comes from a system property ({@code -Djaxvm.enable_x64=true}).
 *
 * {@snippet :
 * Jax.config().enableX64(true);
 * assert Jnp.array(1.5).dtype() == DType.FLOAT64;
 * }
 */
public final class Config {
    private volatile boolean enableX64 = Boolean.getBoolean("jaxvm.enable_x64");
    private volatile boolean threefryPartitionable =
            !"false".equals(System.getProperty("jaxvm.threefry_partitionable"));
    private volatile boolean logCompiles = Boolean.getBoolean("jaxvm.log_compiles");

    Config() {}

    /** Whether 64-bit dtypes are enabled ({@code jax_enable_x64}); false by default. */
    public boolean enableX64() { return enableX64; }

    /** Turns 64-bit dtypes on or off; returns this config. */
    public Config enableX64(boolean on) { enableX64 = on; return this; }

    /** Whether the PRNG uses JAX's partitionable threefry scheme (the default, as in current JAX). */
    public boolean threefryPartitionable() { return threefryPartitionable; }

    /** Chooses the PRNG bit-generation scheme ({@code jax_threefry_partitionable}); returns this. */
    public Config threefryPartitionable(boolean on) { threefryPartitionable = on; return this; }

    /** Whether each compilation is logged with its time. */
    public boolean logCompiles() { return logCompiles; }

    /** Turns compilation logging on or off; returns this config. */
    public Config logCompiles(boolean on) { logCompiles = on; return this; }
}
