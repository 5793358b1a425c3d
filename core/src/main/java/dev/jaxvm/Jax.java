package dev.jaxvm;

import java.util.function.Function;

/**
 * The function transformations of JAX ({@code jit}, {@code makeJaxpr}, ...) and jaxvm's
 * configuration.
 *
 * <p>Which function shapes each transformation takes: {@code jit} and {@code makeJaxpr} accept
 * {@link Fn1}, {@link Fn2}, {@link Fn3} (functions of 1 to 3 arrays) and pytree functions
 * ({@link Function}{@code <P, R>}, e.g. of a record of arrays); {@code jitN} and {@code makeJaxprN}
 * accept {@link FnN} (any number of pytree arguments, static arguments allowed).
 *
 * {@snippet :
 * var executeKernel = Jax.jit((Array p, Array f) -> Jnp.stack(
 *         IntStream.range(0, p.shape()[2]).mapToObj(k -> p.get(":, :, " + k).mul(f).sum()).toList(), -1))
 *         .named("execute_kernel");
 * System.out.println(Jax.makeJaxpr(executeKernel).apply(image, filter));
 * Jax.config().enableX64(false);
 * }
 */
public final class Jax {
    private static final Config CONFIG = new Config();

    private Jax() {}

    /** The process-wide configuration, as {@code jax.config}. */
    public static Config config() { return CONFIG; }

    // == section: jit ==

    /**
     * {@code jax.jit} of a function of one array. The result is traced once per distinct argument
     * type (shape, dtype, weak type) and cached; its default name is {@code <lambda>} for lambdas and
     * method references (Java cannot tell the method a method reference points to: use
     * {@link JitFn1#named}), the class's simple name for an instance of a named class, and the
     * jitted function's name when {@code f} is itself jitted.
     */
    public static JitFn1 jit(Fn1 f) { return new JitFn1(core(args -> f.apply((Array) args[0]), f)); }

    /** {@code jax.jit} of a function of two arrays (see {@link #jit(Fn1)}). */
    public static JitFn2 jit(Fn2 f) { return new JitFn2(core(args -> f.apply((Array) args[0], (Array) args[1]), f)); }

    /** {@code jax.jit} of a function of three arrays (see {@link #jit(Fn1)}). */
    public static JitFn3 jit(Fn3 f) {
        return new JitFn3(core(args -> f.apply((Array) args[0], (Array) args[1], (Array) args[2]), f));
    }

    /** {@code jax.jit} of a function of a pytree (the argument's structure is part of the cache key). */
    @SuppressWarnings({"unchecked", "overloads"}) // Fn1 extends Function: lambdas of one Array pick jit(Fn1)
    public static <P, R> JitFunction<P, R> jit(Function<P, R> f) {
        return new JitFunction<>(core(args -> f.apply((P) args[0]), f));
    }

    /** {@code jax.jit} of a function of any number of pytree arguments, with optional static arguments. */
    public static JitFnN jitN(FnN f) { return new JitFnN(core(f, f)); }

    private static JitCore core(FnN body, Object f) { return new JitCore(body, JitSupport.defaultName(f), new int[0]); }

    // == section: makeJaxpr ==

    /** {@code jax.make_jaxpr} of a function of one array: {@code makeJaxpr(f).apply(x)} is its Jaxpr. */
    public static MakeJaxpr makeJaxpr(Fn1 f) { return new MakeJaxpr(args -> f.apply((Array) args[0]), 1); }

    /** {@code jax.make_jaxpr} of a function of two arrays. */
    public static MakeJaxpr makeJaxpr(Fn2 f) { return new MakeJaxpr(args -> f.apply((Array) args[0], (Array) args[1]), 2); }

    /** {@code jax.make_jaxpr} of a function of three arrays. */
    public static MakeJaxpr makeJaxpr(Fn3 f) {
        return new MakeJaxpr(args -> f.apply((Array) args[0], (Array) args[1], (Array) args[2]), 3);
    }

    /** {@code jax.make_jaxpr} of a function of a pytree. */
    @SuppressWarnings({"unchecked", "overloads"}) // Fn1 extends Function: lambdas of one Array pick makeJaxpr(Fn1)
    public static <P, R> MakeJaxpr makeJaxpr(Function<P, R> f) { return new MakeJaxpr(args -> f.apply((P) args[0]), 1); }

    /** {@code jax.make_jaxpr} of a function of any number of pytree arguments. */
    public static MakeJaxpr makeJaxprN(FnN f) { return new MakeJaxpr(f, -1); }
}
