package dev.jaxvm;

/**
 * A jitted function of one array, made by {@link Jax#jit(Fn1)}: traced once per distinct argument types
 * (shapes, dtypes, weak types), then run from the cache. Under a transformation a call stages one
 * {@code jit} equation; at top level it runs the traced program. Safe to call from many threads.
 *
 * {@snippet :
 * JitFn1 f = Jax.jit((Array x) -> Jnp.sin(x)).named("f");
 * }
 */
public final class JitFn1 implements Fn1 {
    private final JitCore core;

    JitFn1(JitCore core) { this.core = core; }

    @Override
    public Array apply(Array x) { return (Array) core.call(new Object[] {x}); }

    /** This function with another name, printed in its {@code jit[name=...]} equation. */
    public JitFn1 named(String name) { return new JitFn1(core.named(name)); }

    /** The name printed in {@code jit[name=...]}. */
    public String name() { return core.name(); }

    /** The program traced for arguments like these (arrays, Java scalars or {@link dev.jaxvm.core.ArrayType}s). */
    public Lowered lower(Object... args) { return JitSupport.lower(core, args, 1); }

    /** How many times the function was traced (a diagnostic, as counting side effects in JAX tests). */
    public int traceCount() { return core.traceCount(); }

    /** The number of cached traces (JAX's {@code _cache_size()}). */
    public int cacheSize() { return core.cacheSize(); }
}
