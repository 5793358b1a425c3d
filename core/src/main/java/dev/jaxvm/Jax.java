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

    // == section: vmap ==

    /**
     * Vectorises {@code f} over the leading axis of its argument, as {@code jax.vmap(f)}: the result
     * maps a batch of examples to the batch of results, computed in one go (every primitive has a
     * batching rule), and composes with the other transformations.
     *
     * {@snippet :
     * Fn1 norms = Jax.vmap(x -> Jnp.sqrt(x.mul(x).sum()));
     * Array n = norms.apply(Jnp.ones(8, 3));          // shape (8,)
     * }
     */
    public static Fn1 vmap(Fn1 f) { return vmap(f, 0, 0); }

    /**
     * {@link #vmap(Fn1)} with JAX's {@code in_axes} and {@code out_axes}: an axis ({@code Integer},
     * negative counting from the end) or {@code null} for an unbatched argument or output.
     *
     * @throws IllegalArgumentException if an axis specification is not an int or null (at vmap time);
     *     when called, if an axis is out of range or the batch sizes disagree
     */
    public static Fn1 vmap(Fn1 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /**
     * {@link #vmap(Fn1, Object, Object)} with {@code axisSize} (needed when no argument is batched) and
     * {@code axisName}, the name collectives such as {@link dev.jaxvm.lax.Lax#psum} use for the batch axis.
     */
    public static Fn1 vmap(Fn1 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        VmapCore c = new VmapCore(args -> f.apply((Array) args[0]), inAxes, outAxes, axisSize, axisName);
        return x -> (Array) c.call(x);
    }

    /** {@link #vmap(Fn1)} for a function of two arrays, both batched along axis 0. */
    public static Fn2 vmap(Fn2 f) { return vmap(f, 0, 0); }

    /** {@link #vmap(Fn1, Object, Object)} for a function of two arrays: {@code inAxes} is an int, null, or one entry per argument. */
    public static Fn2 vmap(Fn2 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /** {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of two arrays. */
    public static Fn2 vmap(Fn2 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        VmapCore c = new VmapCore(args -> f.apply((Array) args[0], (Array) args[1]), inAxes, outAxes, axisSize, axisName);
        return (x, y) -> (Array) c.call(x, y);
    }

    /** {@link #vmap(Fn1)} for a function of three arrays, all batched along axis 0. */
    public static Fn3 vmap(Fn3 f) { return vmap(f, 0, 0); }

    /** {@link #vmap(Fn1, Object, Object)} for a function of three arrays. */
    public static Fn3 vmap(Fn3 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /** {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of three arrays. */
    public static Fn3 vmap(Fn3 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        VmapCore c = new VmapCore(args -> f.apply((Array) args[0], (Array) args[1], (Array) args[2]), inAxes, outAxes,
                axisSize, axisName);
        return (x, y, z) -> (Array) c.call(x, y, z);
    }

    /**
     * {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of one pytree (records, lists,
     * maps, arrays of arrays): {@code inAxes} and {@code outAxes} are tree prefixes of the argument and
     * the result, with ints or nulls as leaves.
     *
     * {@snippet :
     * record Params(Array w, Array b) {}
     * Function<Params, Array> f = p -> p.w().sum().add(p.b());
     * Array out = Jax.vmap(f, List.of(new Params(0, null)), 0, null, null).apply(batchOfParams);
     * }
     */
    @SuppressWarnings({"unchecked", "overloads"}) // Fn1 extends Function: lambdas of one Array pick vmap(Fn1)
    public static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes, Integer axisSize,
            String axisName) {
        VmapCore c = new VmapCore(args -> f.apply((P) args[0]), inAxes, outAxes, axisSize, axisName);
        return p -> (R) c.call(p);
    }

    /** {@link #vmap(Function, Object, Object, Integer, String)} over leading axes. */
    @SuppressWarnings("overloads")
    public static <P, R> Function<P, R> vmap(Function<P, R> f) { return vmap(f, 0, 0, null, null); }

    /** {@link #vmap(Fn1)} for a function of any number of pytree arguments, all batched along axis 0. */
    public static FnN vmapN(FnN f) { return vmapN(f, 0, 0, null, null); }

    /** {@link #vmapN(FnN, Object, Object, Integer, String)} without axis size or name. */
    public static FnN vmapN(FnN f, Object inAxes, Object outAxes) { return vmapN(f, inAxes, outAxes, null, null); }

    /**
     * {@link #vmap(Function, Object, Object, Integer, String)} for a function of any number of pytree
     * arguments: {@code inAxes} is an int, null, or a tuple (list or array) of one tree prefix per argument.
     *
     * @throws IllegalArgumentException if an axis specification is not an int, null, or a container of those
     */
    public static FnN vmapN(FnN f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        VmapCore c = new VmapCore(f, inAxes, outAxes, axisSize, axisName);
        return c::call;
    }

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
