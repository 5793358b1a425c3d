package dev.jaxvm;

/**
 * A jitted function of any number of pytree arguments, made by {@link Jax#jitN(FnN)}. Arguments at
 * {@link #staticArgnums} positions are Java values that stay Java values inside the function: they
 * are part of the cache key (by {@code equals}/{@code hashCode} and by class, so {@code 1},
 * {@code 1L} and {@code 1.0} trace separately, as in JAX).
 *
 * {@snippet :
 * JitFnN f = Jax.jitN(args -> Jnp.multiply(args[0], (int) args[1])).staticArgnums(1);
 * Array y = (Array) f.apply(x, 3);
 * }
 */
public final class JitFnN implements FnN {
    private final JitCore core;

    JitFnN(JitCore core) { this.core = core; }

    @Override
    public Object apply(Object... args) { return core.call(args); }

    /** {@link #apply} for functions that return one array. */
    public Array call(Object... args) { return (Array) core.call(args); }

    /** This function with another name, printed in its {@code jit[name=...]} equation. */
    public JitFnN named(String name) { return new JitFnN(core.named(name)); }

    /**
     * This function with the given arguments donated, as JAX's {@code donate_argnums} (negative positions
     * count from the end): at a top-level call the program may write a result into a donated argument's
     * data when dtype and size match, and that argument is then deleted ({@code isDeleted()}; any use
     * raises "Array has been deleted with shape=..."). Donations no result can use leave the argument
     * alive; under a transformation donation is ignored (as JAX).
     */
    public JitFnN donateArgnums(int... argnums) { return new JitFnN(core.withDonateArgnums(argnums)); }

    /** This function with the given argument positions static (negative positions count from the end). */
    public JitFnN staticArgnums(int... argnums) { return new JitFnN(core.withStaticArgnums(argnums)); }

    /** The name printed in {@code jit[name=...]}. */
    public String name() { return core.name(); }

    /** The program traced for arguments like these (arrays, Java scalars or {@link dev.jaxvm.core.ArrayType}s). */
    public Lowered lower(Object... args) { return JitSupport.lower(core, args, -1); }

    /** How many times the function was traced. */
    public int traceCount() { return core.traceCount(); }

    /** The number of cached traces. */
    public int cacheSize() { return core.cacheSize(); }
}
