package dev.jaxvm;

/**
 * A jitted function of three arrays, made by {@link Jax#jit(Fn3)}: traced once per distinct argument types
 * (shapes, dtypes, weak types), then run from the cache. Under a transformation a call stages one
 * {@code jit} equation; at top level it runs the traced program. Safe to call from many threads.
 *
 * {@snippet :
 * JitFn3 f = Jax.jit((Array x, Array y, Array z) -> Jnp.sin(x)).named("f");
 * }
 */
public final class JitFn3 implements Fn3 {
    private final JitCore core;

    JitFn3(JitCore core) { this.core = core; }

    @Override
    public Array apply(Array x, Array y, Array z) { return (Array) core.call(new Object[] {x, y, z}); }

    /** This function with another name, printed in its {@code jit[name=...]} equation. */
    public JitFn3 named(String name) { return new JitFn3(core.named(name)); }

    /**
     * This function with the given arguments donated, as JAX's {@code donate_argnums} (negative positions
     * count from the end): at a top-level call the program may write a result into a donated argument's
     * data when dtype and size match, and that argument is then deleted ({@code isDeleted()}; any use
     * raises "Array has been deleted with shape=..."). Donations no result can use leave the argument
     * alive; under a transformation donation is ignored (as JAX).
     */
    public JitFn3 donateArgnums(int... argnums) { return new JitFn3(core.withDonateArgnums(argnums)); }

    /** The name printed in {@code jit[name=...]}. */
    public String name() { return core.name(); }

    /** The program traced for arguments like these (arrays, Java scalars or {@link dev.jaxvm.core.ArrayType}s). */
    public Lowered lower(Object... args) { return JitSupport.lower(core, args, 3); }

    /** How many times the function was traced (a diagnostic, as counting side effects in JAX tests). */
    public int traceCount() { return core.traceCount(); }

    /** The number of cached traces (JAX's {@code _cache_size()}). */
    public int cacheSize() { return core.cacheSize(); }
}
