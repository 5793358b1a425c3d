package dev.jaxvm;

import java.util.List;
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

    // == section: autodiff ==

    /**
     * The value of {@code f} at {@code primals} and its JVP along {@code tangents} (one per primal, of
     * the primal's type; float0 for integer primals).
     *
     * {@snippet :
     * JvpResult r = Jax.jvp(xs -> Jnp.sin(xs[0]), new Array[] {x}, new Array[] {t});   // (sin x, t cos x)
     * }
     *
     * @throws IllegalArgumentException if the tangents don't match the primals in number, dtype or shape
     */
    public static JvpResult jvp(FnN f, Array[] primals, Array[] tangents) {
        return Autodiff.jvp(Autodiff.of(f), primals, tangents);
    }

    /** {@link #jvp(FnN, Array[], Array[])} for a function of one array. */
    public static JvpResult jvp(Fn1 f, Array primal, Array tangent) {
        return Autodiff.jvp(xs -> f.apply(xs[0]), new Array[] {primal}, new Array[] {tangent});
    }

    /** {@link #jvp(FnN, Array[], Array[])} of a function with auxiliary data ({@code has_aux=True}). */
    public static JvpAuxResult jvpWithAux(FnAux f, Array[] primals, Array[] tangents) {
        return Autodiff.jvpWithAux(f, primals, tangents);
    }

    /**
     * The value of {@code f} at {@code primals} and its linearization there, as a function of tangents
     * (one per primal, of its shape and tangent dtype).
     *
     * {@snippet :
     * Linearized l = Jax.linearize(xs -> Jnp.sin(xs[0]), x);
     * Array t = (Array) l.linear().apply(Jnp.ones(3));   // cos(x)
     * }
     *
     * @throws IllegalArgumentException (from {@code linear}) if a tangent's shape or dtype differs from
     *     its primal's tangent type, or the number of tangents differs
     */
    public static Linearized linearize(FnN f, Array... primals) {
        Autodiff.ArrayFn g = Autodiff.of(f);
        TreeLinearized l = TreeAutodiff.linearize(args -> g.apply(Autodiff.arrays(args)), false, primals);
        return new Linearized((Array) l.primal(), l.linear());
    }

    /** The value of {@code f} at {@code primals} and its pullback (vector-Jacobian product). */
    public static VjpResult vjp(FnN f, Array... primals) { return Autodiff.vjp(Autodiff.of(f), primals); }

    /**
     * {@link #vjp(FnN, Array...)} of a function with auxiliary data (JAX's {@code vjp(f, *primals,
     * has_aux=True)}): the value, the pullback and the aux, whose arrays hold their primal values.
     */
    public static VjpAuxResult vjpWithAux(FnAux f, Array... primals) { return TreeAutodiff.vjpWithAux(f, primals); }

    /**
     * The value of a function of one pytree (a record, list or map of arrays) and its pullback, which
     * maps a cotangent of the value's structure to one of the argument's structure (JAX's
     * {@code jax.vjp(f, params)}).
     *
     * {@snippet :
     * record Params(Array w, Array b) {}
     * TreeVjpResult<Array, Params> r = Jax.vjpTree((Params p) -> Jnp.add(Jnp.dot(p.w(), x), p.b()), params);
     * Params ct = r.pullback().apply(Jnp.ones(3));
     * }
     *
     * @throws IllegalArgumentException (from the pullback) if the cotangent's structure, shapes or dtypes
     *     don't match the value's
     */
    @SuppressWarnings("unchecked")
    public static <P, R> TreeVjpResult<R, P> vjpTree(Function<P, R> f, P primal) {
        TreeVjpResult<Object, List<Object>> r = TreeAutodiff.vjp(xs -> f.apply((P) xs[0]), false, new Object[] {primal});
        return new TreeVjpResult<>((R) r.primal(), ct -> (P) r.pullback().apply(ct).getFirst(), null);
    }

    /**
     * {@code jax.vjp(f, *primals)} of a function of any number of pytree arguments with a pytree value:
     * the pullback maps a cotangent of the value's structure to a list of one cotangent per argument,
     * each of its argument's structure.
     */
    public static TreeVjpResult<Object, List<Object>> vjpN(FnN f, Object... primals) {
        return TreeAutodiff.vjp(f, false, primals);
    }

    /**
     * {@link #vjpN(FnN, Object...)} with auxiliary data ({@code has_aux=True}): {@code f} returns a
     * {@link WithAux}, or a two-element list {@code (out, aux)} (JAX's pair) where {@code out} is a pytree.
     *
     * @throws IllegalArgumentException if {@code f} returns neither
     */
    public static TreeVjpResult<Object, List<Object>> vjpNWithAux(FnN f, Object... primals) {
        return TreeAutodiff.vjp(f, true, primals);
    }

    /**
     * The value of a function of one pytree and its JVP along {@code tangent}, a pytree of the
     * primal's structure, shapes and (tangent) dtypes (JAX's {@code jax.jvp(f, (params,), (dparams,))}).
     *
     * @throws IllegalArgumentException if the tangent's structure, dtypes or shapes don't match the primal's
     */
    @SuppressWarnings("unchecked")
    public static <P, R> TreeJvpResult<R> jvpTree(Function<P, R> f, P primal, P tangent) {
        TreeJvpResult<Object> r = TreeAutodiff.jvp(xs -> f.apply((P) xs[0]), false, new Object[] {primal},
                new Object[] {tangent});
        return new TreeJvpResult<>((R) r.primal(), (R) r.tangent(), null);
    }

    /**
     * {@code jax.jvp(f, primals, tangents)} of a function of any number of pytree arguments: the value
     * and the tangent are pytrees of the output's structure.
     *
     * @throws IllegalArgumentException if the tangents' structure, dtypes or shapes don't match the primals'
     */
    public static TreeJvpResult<Object> jvpN(FnN f, Object[] primals, Object[] tangents) {
        return TreeAutodiff.jvp(f, false, primals, tangents);
    }

    /** {@link #jvpN(FnN, Object[], Object[])} with auxiliary data, as {@link #vjpNWithAux(FnN, Object...)}. */
    public static TreeJvpResult<Object> jvpNWithAux(FnN f, Object[] primals, Object[] tangents) {
        return TreeAutodiff.jvp(f, true, primals, tangents);
    }

    /**
     * The gradient of a scalar function of one argument.
     *
     * {@snippet :
     * Fn1 df = Jax.grad(x -> Jnp.sin(x));
     * df.apply(Jnp.array(0f));   // 1.0
     * }
     */
    public static Fn1 grad(Fn1 f) {
        GradFn vg = valueAndGrad((Autodiff.ArrayFn) xs -> f.apply(xs[0]), GradOptions.argnums(0));
        return x -> vg.apply(x).grad();
    }

    /**
     * The gradient of a scalar function of two arguments with respect to argument {@code argnum}.
     *
     * {@snippet :
     * Fn2 F = (x, y) -> Jnp.sin(x).add(Jnp.cos(y).mul(2));
     * Fn2 Fx = Jax.grad(F, 0);    // cos(x)
     * }
     */
    public static Fn2 grad(Fn2 f, int argnum) {
        GradFn vg = valueAndGrad((Autodiff.ArrayFn) xs -> f.apply(xs[0], xs[1]), GradOptions.argnums(argnum));
        return (x, y) -> vg.apply(x, y).grad();
    }

    /** The gradient of a scalar function of three arguments with respect to argument {@code argnum}. */
    public static Fn3 grad(Fn3 f, int argnum) {
        GradFn vg = valueAndGrad((Autodiff.ArrayFn) xs -> f.apply(xs[0], xs[1], xs[2]), GradOptions.argnums(argnum));
        return (x, y, z) -> vg.apply(x, y, z).grad();
    }

    /**
     * The gradient of a scalar function of any number of arrays: with one argnum, the function returns
     * that gradient (an {@link Array}); with several, a {@code List<Array>} in the order asked (JAX's
     * {@code grad(f, argnums=(2, 0))}). Arguments may be arrays or Java scalars.
     *
     * @throws IllegalArgumentException (when applied) if an argnum is out of range, an input is not
     *     floating, or the output is not a scalar
     */
    public static FnN gradN(FnN f, int... argnums) {
        GradFn vg = valueAndGradN(f, argnums);
        return argnums.length == 1 ? xs -> vg.apply(xs).grad() : xs -> vg.apply(xs).grads();
    }

    /** The value and gradients with respect to {@code argnums} (the first argument when none are given). */
    public static GradFn valueAndGradN(FnN f, int... argnums) {
        return valueAndGradN(f, GradOptions.argnums(argnums.length == 0 ? new int[] {0} : argnums));
    }

    /** The value and gradients of a scalar function, with the given options (argnums, allowInt; no aux). */
    public static GradFn valueAndGradN(FnN f, GradOptions options) {
        if (options.hasAux()) {
            throw new IllegalArgumentException("hasAux requires a function returning WithAux (an FnAux), or use"
                    + " valueAndGradTree, whose function may return a WithAux or a pair");
        }
        return valueAndGrad(Autodiff.of(f), options);
    }

    private static GradFn valueAndGrad(Autodiff.ArrayFn f, GradOptions options) {
        return xs -> Autodiff.valueAndGrad("grad", ys -> new WithAux(f.apply(ys), null), options, Autodiff.arrays(xs));
    }

    /** The value, gradients and auxiliary data of a function returning {@link WithAux} ({@code hasAux}). */
    public static GradFn valueAndGradWithAux(FnAux f, GradOptions options) {
        return xs -> Autodiff.valueAndGrad("grad", options.hasAux() ? f : ys -> new WithAux(f.apply(ys).out(), null),
                options, Autodiff.arrays(xs));
    }

    /**
     * The gradient of a scalar function of a pytree (a record, list or map of arrays, as model
     * parameters usually are): the result has the argument's structure.
     *
     * {@snippet :
     * record Params(Array w, Array b) {}
     * Function<Params, Params> g = Jax.grad((Params p) -> Jnp.sum(p.w().mul(p.b())));
     * }
     */
    @SuppressWarnings("overloads") // Fn1 extends Function: lambdas of one Array pick grad(Fn1)
    public static <P> Function<P, P> grad(Function<P, ?> f) {
        Function<P, ValueAndGrad<P>> vg = valueAndGrad(f);
        return p -> vg.apply(p).grad();
    }

    /** The value and gradient of a scalar function of a pytree (see {@link #grad(Function)}). */
    public static <P> Function<P, ValueAndGrad<P>> valueAndGrad(Function<P, ?> f) {
        return p -> Autodiff.valueAndGradTree(f, p);
    }

    /** The Jacobian of {@code f} by forward mode, shaped {@code out.shape + x.shape}. */
    public static Fn1 jacfwd(Fn1 f) {
        FnN g = jacfwdN(args -> f.apply((Array) args[0]), GradOptions.argnums(0));
        return x -> (Array) g.apply(x);
    }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by forward mode. */
    public static FnN jacfwdN(FnN f, int argnum) { return jacfwdN(f, GradOptions.argnums(argnum)); }

    /**
     * {@code jax.jacfwd(f, argnums, has_aux)} of a function of pytrees: the Jacobian has the output's
     * structure, each output leaf holding a pytree of the differentiated argument's structure (a list
     * of those, in argnums order, for several argnums) whose leaves are shaped
     * {@code out_leaf.shape + in_leaf.shape}; with {@code hasAux}, the result is {@code [jacobian, aux]}.
     *
     * {@snippet :
     * FnN f = args -> Map.of("o", Jnp.multiply(((Map<?, ?>) args[0]).get("a"), ((Map<?, ?>) args[0]).get("b")));
     * Object jac = Jax.jacfwdN(f, GradOptions.argnums(0)).apply(Map.of("a", Jnp.arange(2f), "b", Jnp.array(3f)));
     * // {"o": {"a": [[3, 0], [0, 3]], "b": [0, 1]}}
     * }
     *
     * @throws IllegalArgumentException (when applied) if an argnum is out of range, a differentiated
     *     input is not floating, or the function with hasAux does not return a pair
     */
    public static FnN jacfwdN(FnN f, GradOptions options) { return args -> TreeJacobians.jacfwd(f, options, args); }

    /** The Jacobian of {@code f} by reverse mode, shaped {@code out.shape + x.shape}. */
    public static Fn1 jacrev(Fn1 f) {
        FnN g = jacrevN(args -> f.apply((Array) args[0]), GradOptions.argnums(0));
        return x -> (Array) g.apply(x);
    }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by reverse mode. */
    public static FnN jacrevN(FnN f, int argnum) { return jacrevN(f, GradOptions.argnums(argnum)); }

    /**
     * {@code jax.jacrev(f, argnums, has_aux, allow_int)} of a function of pytrees, with
     * {@link #jacfwdN(FnN, GradOptions)}'s structure.
     *
     * @throws IllegalArgumentException (when applied) if an argnum is out of range, an input is an
     *     integer without allowInt, or an output is not floating
     */
    public static FnN jacrevN(FnN f, GradOptions options) { return args -> TreeJacobians.jacrev(f, options, args); }

    /** The Hessian of a scalar function: {@code jacfwd(jacrev(f))}. */
    public static Fn1 hessian(Fn1 f) { return jacfwd(jacrev(f)); }

    /** The Hessian of a scalar function with respect to argument {@code argnum}. */
    public static FnN hessianN(FnN f, int argnum) { return hessianN(f, GradOptions.argnums(argnum)); }

    /**
     * {@code jax.hessian(f, argnums, has_aux)}: {@code jacfwd(jacrev(f))} over pytrees, so the result
     * nests output structure, then the argument's structure twice ({@code [hessian, aux]} with hasAux).
     *
     * {@snippet :
     * // hessian(lambda x: jnp.array(x)**2)((1., 2.)) = (([2, 0], [0, 0]), ([0, 0], [0, 2]))
     * Object h = Jax.hessianN(args -> Jnp.square(Jnp.stack((List<?>) args[0])), GradOptions.argnums(0))
     *         .apply(List.of(Jnp.array(1f), Jnp.array(2f)));
     * }
     */
    public static FnN hessianN(FnN f, GradOptions options) {
        return jacfwdN(jacrevN(f, options), options.withAllowInt(false));
    }

    // == section: autodiff-trees ==

    /**
     * {@code jax.linearize(f, *primals)} of a function of pytrees: the value and the JVP at the
     * primals as a function of tangents (one per primal, of its structure).
     *
     * {@snippet :
     * record Params(Array w, Array b) {}
     * TreeLinearized l = Jax.linearizeN(args -> Jnp.sum(Jnp.multiply(((Params) args[0]).w(), ((Params) args[0]).b())), params);
     * Array dy = (Array) l.linear().apply(new Params(dw, db));
     * }
     *
     * @throws IllegalArgumentException (from {@code linear}) if the tangents' structure differs from the
     *     primals', or a tangent's shape or dtype differs from its primal's tangent type
     */
    public static TreeLinearized linearizeN(FnN f, Object... primals) { return TreeAutodiff.linearize(f, false, primals); }

    /**
     * {@link #linearizeN(FnN, Object...)} of a function with auxiliary data ({@code has_aux=True}):
     * {@code f} returns a {@link WithAux} or a two-element list {@code (out, aux)}.
     *
     * @throws IllegalArgumentException if {@code f} returns neither
     */
    public static TreeLinearized linearizeNWithAux(FnN f, Object... primals) {
        return TreeAutodiff.linearize(f, true, primals);
    }

    /**
     * {@code jax.grad(f, argnums, has_aux, allow_int)} of a function of pytrees: the gradient has the
     * differentiated argument's structure (a list of those, in argnums order, for several argnums);
     * with {@code hasAux}, {@code f} returns a {@link WithAux} or a pair {@code (value, aux)} and the
     * result is {@code [gradient, aux]}. Arguments not in argnums are passed through untouched.
     *
     * {@snippet :
     * FnN loss = args -> List.of(Jnp.sum(Jnp.multiply(((Map<?, ?>) args[0]).get("w"), args[1])), "aux");
     * List<?> r = (List<?>) Jax.gradN(loss, GradOptions.argnums(0).withHasAux(true)).apply(Map.of("w", w), 2f);
     * Map<?, ?> g = (Map<?, ?>) r.get(0);   // {"w": [2, 2, 2]}
     * }
     *
     * @throws IllegalArgumentException (when applied) if an argnum is out of range, a differentiated
     *     input is an integer without allowInt, the output is not a real scalar, or hasAux is set and
     *     {@code f} does not return a pair
     */
    public static FnN gradN(FnN f, GradOptions options) {
        return args -> {
            TreeGradResult r = TreeGrad.valueAndGrad("grad", f, options, args);
            return options.hasAux() ? java.util.Arrays.asList(r.grad(), r.aux()) : r.grad();
        };
    }

    /** {@code jax.value_and_grad(f, argnums, has_aux, allow_int)} of a function of pytrees (see {@link #gradN(FnN, GradOptions)}). */
    public static TreeGradFn valueAndGradTree(FnN f, GradOptions options) {
        return args -> TreeGrad.valueAndGrad("grad", f, options, args);
    }

    /**
     * A function with a custom JVP rule (JAX's {@code jax.custom_jvp}): {@code f} computes the value,
     * {@code rule} its primal output and tangent. Reverse mode transposes the rule's tangent computation.
     *
     * {@snippet :
     * Fn1 f = Jax.customJvp(x -> Jnp.log1p(Jnp.exp(x)), (p, t) -> new JvpResult(Jnp.log1p(Jnp.exp(p[0])),
     *         t[0].mul(Lax.logistic(p[0]))));
     * }
     */
    public static Fn1 customJvp(Fn1 f, CustomJvpRule rule) {
        return x -> CustomRules.customJvp("<lambda>", xs -> f.apply(xs[0]), rule, new Array[] {x});
    }

    /** {@link #customJvp(Fn1, CustomJvpRule)} for a function of several arrays (N: Java cannot tell varargs lambdas from {@link Fn1}s). */
    public static FnN customJvpN(FnN f, CustomJvpRule rule) {
        return xs -> CustomRules.customJvp("<lambda>", Autodiff.of(f), rule, Autodiff.arrays(xs));
    }

    /**
     * A function with a custom VJP (JAX's {@code jax.custom_vjp}): {@code fwd} returns the value and
     * residuals, {@code bwd} maps residuals and an output cotangent to argument cotangents. Forward
     * mode is not supported, as in JAX.
     */
    public static Fn1 customVjp(Fn1 f, CustomVjpFwd fwd, CustomVjpBwd bwd) {
        return x -> CustomRules.customVjp("<lambda>", xs -> f.apply(xs[0]), fwd, bwd, new Array[] {x});
    }

    /** {@link #customVjp(Fn1, CustomVjpFwd, CustomVjpBwd)} for a function of several arrays. */
    public static FnN customVjpN(FnN f, CustomVjpFwd fwd, CustomVjpBwd bwd) {
        return xs -> CustomRules.customVjp("<lambda>", Autodiff.of(f), fwd, bwd, Autodiff.arrays(xs));
    }

    /**
     * {@code f} with rematerialization (JAX's {@code jax.checkpoint}): under reverse mode its
     * intermediate values are recomputed in the backward pass instead of being stored.
     */
    public static Fn1 checkpoint(Fn1 f) { return x -> CustomRules.checkpoint(xs -> f.apply(xs[0]), new Array[] {x}); }

    /** {@link #checkpoint(Fn1)} for a function of several arrays. */
    public static FnN checkpointN(FnN f) { return xs -> CustomRules.checkpoint(Autodiff.of(f), Autodiff.arrays(xs)); }

    /**
     * Checks the derivatives of {@code f} at {@code args} numerically up to {@code order} (JAX's
     * {@code jax.test_util.check_grads}): each mode, {@code "fwd"} and/or {@code "rev"}, is compared with
     * central differences (step 1e-4) at dtype-based tolerances, recursively for higher orders.
     *
     * @throws AssertionError naming the failing check when a derivative disagrees
     */
    public static void checkGrads(FnN f, Array[] args, int order, String... modes) {
        Autodiff.ArrayFn g = Autodiff.of(f);
        CheckGrads.check(xs -> java.util.List.of(g.apply(xs)), args, order,
                modes.length == 0 ? java.util.List.of("fwd", "rev") : java.util.List.of(modes));
    }
}
