package dev.jaxvm.random;

import static dev.jaxvm.random.Uniforms.constant;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFnN;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.Lax;

/**
 * The samplers that transform one uniform or normal draw ({@code gumbel}, {@code laplace},
 * {@code logistic}, {@code cauchy}, {@code pareto}, {@code weibull_min}, {@code rayleigh},
 * {@code maxwell}, {@code rademacher}), each staged as JAX stages it: a jitted function named as
 * JAX's ({@code _gumbel}, ...) with static shape and dtype, its bounds strongly or weakly typed as
 * JAX's, so that their Jaxprs print as JAX's and their values stay XLA:CPU's bit for bit.
 */
final class Transforms {
    private Transforms() {}

    private static int[] dims(Object s) { return ((Shape) s).dims(); }

    private static Array key(Object k) { return (Array) k; }

    private static Array weakInt(long v) { return DenseArray.scalarLong(DType.defaultInt(), true, v); }

    /** {@code gumbel} (mode 'low'): {@code -log(-log(uniform(tiny, 1)))}. */
    static Array gumbel(Array key, int[] shape, DType dtype) { return GUMBEL.call(key, new Shape(shape), dtype); }

    private static final JitFnN GUMBEL = Jax.jitN(a -> {
        DType t = (DType) a[2];
        Array u = Uniforms.uniformKw(key(a[0]), dims(a[1]), t, constant(Uniforms.tiny(t), t), Uniforms.weak(1.0));
        return Lax.neg(Lax.log(Lax.neg(Lax.log(u))));
    }).named("_gumbel").staticArgnums(1, 2);

    /** {@code laplace}: {@code sign(u) * log1p(-|u|)} with u uniform on {@code [-1 + epsneg, 1)}. */
    static Array laplace(Array key, int[] shape, DType dtype) { return LAPLACE.call(key, new Shape(shape), dtype); }

    private static final JitFnN LAPLACE = Jax.jitN(a -> {
        DType t = (DType) a[2];
        double epsneg = Math.scalb(1.0, -(Uniforms.nmant(t) + 1));
        Array u = Uniforms.uniform(key(a[0]), dims(a[1]), t, constant(-1.0 + epsneg, t), Uniforms.weak(1.0));
        return Lax.mul(Lax.sign(u), Lax.log1p(Lax.neg(Lax.abs(u))));
    }).named("_laplace").staticArgnums(1, 2);

    /** {@code logistic}: {@code log(x) - log1p(-x)} with x uniform on {@code [tiny, 1)}. */
    static Array logistic(Array key, int[] shape, DType dtype) { return LOGISTIC.call(key, new Shape(shape), dtype); }

    private static final JitFnN LOGISTIC = Jax.jitN(a -> {
        DType t = (DType) a[2];
        Array x = Uniforms.uniform(key(a[0]), dims(a[1]), t, constant(Uniforms.tiny(t), t), Uniforms.weak(1.0));
        return Lax.sub(Lax.log(x), Lax.log1p(Lax.neg(x)));
    }).named("_logistic").staticArgnums(1, 2);

    /** {@code cauchy}: {@code tan(pi * (u - 0.5))} with u uniform on {@code [eps, 1)}. */
    static Array cauchy(Array key, int[] shape, DType dtype) { return CAUCHY.call(key, new Shape(shape), dtype); }

    private static final JitFnN CAUCHY = Jax.jitN(a -> {
        DType t = (DType) a[2];
        Array u = Uniforms.uniform(key(a[0]), dims(a[1]), t, constant(Uniforms.eps(t), t), Uniforms.weak(1.0));
        return Lax.tan(Lax.mul(constant(Math.PI, t), Lax.sub(u, constant(0.5, t))));
    }).named("_cauchy").staticArgnums(1, 2);

    /** {@code pareto}: {@code exp(exponential / b)}, {@code b} a traced argument. */
    static Array pareto(Array key, double b, int[] shape, DType dtype) {
        return PARETO.call(key, Uniforms.weak(b), new Shape(shape), dtype);
    }

    private static final JitFnN PARETO = Jax.jitN(a -> {
        DType t = (DType) a[3];
        Array b = Lax.convertElementType((Array) a[1], t, false);
        Array e = Uniforms.exponential(key(a[0]), dims(a[2]), t);
        return Lax.exp(Lax.div(e, b));
    }).named("_pareto").staticArgnums(2, 3);

    /** {@code weibull_min}: {@code (-log1p(-u)) ** (1 / concentration) * scale}. */
    static Array weibullMin(Array key, double scale, double concentration, int[] shape, DType dtype) {
        return WEIBULL.call(key, Uniforms.weak(scale), Uniforms.weak(concentration), new Shape(shape), dtype);
    }

    private static final JitFnN WEIBULL = Jax.jitN(a -> {
        DType t = (DType) a[4];
        Array u = Uniforms.uniform(key(a[0]), dims(a[3]), t, weakInt(0), weakInt(1));
        Array e = Lax.neg(Lax.log1p(Lax.neg(u)));
        Array inv = Lax.convertElementType(Lax.div(Uniforms.weak(1.0), (Array) a[2]), t, false);
        Array p = Lax.pow(e, inv);
        return Lax.mul(p, Lax.convertElementType((Array) a[1], t, false));
    }).named("_weibull_min").staticArgnums(3, 4);

    /** {@code rayleigh}: {@code scale * sqrt(-2 log u)}. */
    static Array rayleigh(Array key, double scale, int[] shape, DType dtype) {
        return RAYLEIGH.call(key, Uniforms.weak(scale), new Shape(shape), dtype);
    }

    private static final JitFnN RAYLEIGH = Jax.jitN(a -> {
        DType t = (DType) a[3];
        int[] shape = dims(a[2]);
        Array u = Uniforms.uniform(key(a[0]), shape, t, 0.0, 1.0);
        // jnp.broadcast_to of the scalar scale: a broadcast_in_dim even from rank 0
        Array scale = Lax.convertElementType((Array) a[1], t, false);
        if (shape.length > 0) scale = Lax.broadcastInDim(scale, shape, new int[0]);
        Array s = Lax.sqrt(Lax.mul(Lax.log(u), constant(-2, t)));
        return Lax.mul(scale, s);
    }).named("_rayleigh").staticArgnums(2, 3);

    /** {@code maxwell}: the Euclidean norm of 3 standard normals. */
    static Array maxwell(Array key, int[] shape, DType dtype) { return MAXWELL.call(key, new Shape(shape), dtype); }

    /** {@code jnp.linalg.norm(x, axis=-1)} as JAX stages it: a jit named {@code norm}. */
    private static final JitFnN NORM = Jax.jitN(a -> {
        Array x = (Array) a[0];
        return Lax.sqrt(Lax.reduceSum(Lax.mul(x, x), x.ndim() - 1));
    }).named("norm");

    private static final JitFnN MAXWELL = Jax.jitN(a -> {
        int[] shape = dims(a[1]);
        int[] s3 = java.util.Arrays.copyOf(shape, shape.length + 1);
        s3[shape.length] = 3;
        return NORM.call(Uniforms.normal(key(a[0]), s3, (DType) a[2]));
    }).named("_maxwell").staticArgnums(1, 2);

    /** {@code rademacher}: {@code 2 * bernoulli(key, 0.5, shape) - 1} in {@code dtype}. */
    static Array rademacher(Array key, int[] shape, DType dtype) {
        return RADEMACHER.call(key, new Shape(shape), dtype);
    }

    private static final JitFnN RADEMACHER = Jax.jitN(a -> Integers.rademacher(key(a[0]), dims(a[1]), (DType) a[2]))
            .named("_rademacher").staticArgnums(1, 2);
}
