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

    // == section: autodiff ==

    /**
     * The value of {@code f} at {@code primals} and its JVP along {@code tangents} (one per primal, of
     * the primal's type; float0 for integer primals).
     *
     * @throws IllegalArgumentException if the tangents don't match the primals in number, dtype or shape
     */
    public static JvpResult jvp(FnN f, Array[] primals, Array[] tangents) { return Autodiff.jvp(f, primals, tangents); }

    /** The value of {@code f} at {@code primals} and its linearization there, as a function of tangents. */
    public static Linearized linearize(FnN f, Array... primals) { return Autodiff.linearize(f, primals); }

    /** The value of {@code f} at {@code primals} and its pullback (vector-Jacobian product). */
    public static VjpResult vjp(FnN f, Array... primals) { return Autodiff.vjp(f, primals); }

    /**
     * The gradient of a scalar function of one argument.
     *
     * {@snippet :
     * Fn1 df = Jax.grad(x -> Jnp.sin(x));
     * df.apply(Jnp.array(0f));   // 1.0
     * }
     */
    public static Fn1 grad(Fn1 f) { return x -> grad((FnN) xs -> f.apply(xs[0]), 0).apply(x); }

    /** The gradient of a scalar function of two arguments with respect to argument {@code argnum}. */
    public static Fn2 grad(Fn2 f, int argnum) { return (x, y) -> grad((FnN) xs -> f.apply(xs[0], xs[1]), argnum).apply(x, y); }

    /** The gradient of a scalar function of three arguments with respect to argument {@code argnum}. */
    public static Fn3 grad(Fn3 f, int argnum) {
        return (x, y, z) -> grad((FnN) xs -> f.apply(xs[0], xs[1], xs[2]), argnum).apply(x, y, z);
    }

    /** The gradient of a scalar function with respect to argument {@code argnum}. */
    public static FnN grad(FnN f, int argnum) {
        return xs -> valueAndGrad(f, GradOptions.argnums(argnum)).apply(xs).grad();
    }

    /**
     * The gradients of a scalar function with respect to several arguments, in the order asked
     * (JAX's {@code grad(f, argnums=(2, 0))}).
     */
    public static java.util.function.Function<Array[], java.util.List<Array>> grad(FnN f, int... argnums) {
        GradFn vg = valueAndGrad(f, GradOptions.argnums(argnums));
        return xs -> vg.apply(xs).grads();
    }

    /** The value and gradients of a scalar function, with the given options (argnums, allowInt; no aux). */
    public static GradFn valueAndGrad(FnN f, GradOptions options) {
        if (options.hasAux()) throw new IllegalArgumentException("hasAux requires a function returning WithAux (an FnAux)");
        return valueAndGrad((FnAux) xs -> new WithAux(f.apply(xs), null), options);
    }

    /** The value and gradients with respect to {@code argnums} (the first argument when none are given). */
    public static GradFn valueAndGrad(FnN f, int... argnums) {
        return valueAndGrad(f, GradOptions.argnums(argnums.length == 0 ? new int[] {0} : argnums));
    }

    /** The value, gradients and auxiliary data of a function returning {@link WithAux}. */
    public static GradFn valueAndGrad(FnAux f, GradOptions options) {
        return xs -> Autodiff.valueAndGrad("grad", options.hasAux() ? f : ys -> new WithAux(f.apply(ys).out(), null),
                options, xs);
    }

    /** The Jacobian of {@code f} by forward mode, shaped {@code out.shape + x.shape}. */
    public static Fn1 jacfwd(Fn1 f) { return x -> Jacobians.jacfwd(xs -> f.apply(xs[0]), 0, new Array[] {x}); }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by forward mode. */
    public static FnN jacfwd(FnN f, int argnum) { return xs -> Jacobians.jacfwd(f, argnum, xs); }

    /** The Jacobian of {@code f} by reverse mode, shaped {@code out.shape + x.shape}. */
    public static Fn1 jacrev(Fn1 f) { return x -> Jacobians.jacrev(xs -> f.apply(xs[0]), 0, new Array[] {x}); }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by reverse mode. */
    public static FnN jacrev(FnN f, int argnum) { return xs -> Jacobians.jacrev(f, argnum, xs); }

    /** The Hessian of a scalar function: {@code jacfwd(jacrev(f))}. */
    public static Fn1 hessian(Fn1 f) { return jacfwd(jacrev(f)); }

    /** The Hessian of a scalar function with respect to argument {@code argnum}. */
    public static FnN hessian(FnN f, int argnum) { return jacfwd(jacrev(f, argnum), argnum); }
}
