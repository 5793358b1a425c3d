package dev.jaxvm;

import java.util.function.Function;

/**
 * A jitted function of one pytree argument returning a pytree, made by
 * {@link Jax#jit(Function)}: records, lists, maps, ... of arrays in and out; the argument's structure
 * is part of the cache key.
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * JitFunction<Params, Array> predict = Jax.jit((Params p) -> p.w().mul(2).add(p.b()));
 * }
 *
 * @param <P> the argument type
 * @param <R> the result type
 */
public final class JitFunction<P, R> implements Function<P, R> {
    private final JitCore core;

    JitFunction(JitCore core) { this.core = core; }

    @SuppressWarnings("unchecked")
    @Override
    public R apply(P p) { return (R) core.call(new Object[] {p}); }

    /** This function with another name, printed in its {@code jit[name=...]} equation. */
    public JitFunction<P, R> named(String name) { return new JitFunction<>(core.named(name)); }

    /**
     * This function with the given arguments donated, as JAX's {@code donate_argnums} (negative positions
     * count from the end): at a top-level call the program may write a result into a donated argument's
     * data when dtype and size match, and that argument is then deleted ({@code isDeleted()}; any use
     * raises "Array has been deleted with shape=..."). Donations no result can use leave the argument
     * alive; under a transformation donation is ignored (as JAX).
     */
    public JitFunction<P, R> donateArgnums(int... argnums) { return new JitFunction<>(core.withDonateArgnums(argnums)); }

    /** The name printed in {@code jit[name=...]}. */
    public String name() { return core.name(); }

    /** The program traced for an argument like this one (leaves may be {@link dev.jaxvm.core.ArrayType}s). */
    public Lowered lower(Object p) { return JitSupport.lower(core, new Object[] {p}, 1); }

    /** How many times the function was traced. */
    public int traceCount() { return core.traceCount(); }

    /** The number of cached traces. */
    public int cacheSize() { return core.cacheSize(); }
}
