package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;

/**
 * JAX's splittable PRNG ({@code jax.random}) with the default {@code threefry2x32}
 * implementation, bit for bit: the same key gives the same numbers as JAX on CPU, in both settings
 * of {@code jax_threefry_partitionable} ({@code Jax.config().threefryPartitionable()}, read when a
 * function runs or is traced).
 *
 * <p>Keys are values: {@link #key} makes a typed {@link KeyArray}, {@link #PRNGKey} raw
 * {@code uint32[2]} key data; {@link #split} and {@link #foldIn} derive new keys, and every sampler
 * takes one key. Keys are arrays of the extended dtype {@code key<fry>}: Jaxprs show JAX's key
 * primitives ({@code random_seed}, {@code random_split}, {@code random_fold_in}, {@code random_bits},
 * {@code random_wrap}, {@code random_unwrap}) and every sampler is written with {@code Lax}
 * operations on their results, so it traces like any other. The functions are spread over
 * {@link RandomKeys} and {@link RandomSamplers}, which this class extends.
 *
 * {@snippet :
 * KeyArray key = Random.key(32);
 * Array m = Random.randint(key, new int[] {4, 4}, 1, 10);   // [[4,4,3,1],[8,5,4,8],[5,8,7,3],[9,5,3,6]]
 * KeyArray ks = Random.split(key);
 * Array v = Random.normal(ks.get(1));                       // 2.0746586
 * }
 */
public final class Random extends RandomSamplers {
    private Random() {}

    // ---- gamma family --------------------------------------------------------------------------

    private static Array floatScalar(double v, DType t) { return Uniforms.constant(v, t); }

    /** Gamma(a) float32s of the given shape. */
    public static Array gamma(KeyArray key, double a, int[] shape) { return gamma(key, a, shape, null); }

    /** Gamma(a) floats of the given shape and dtype. */
    public static Array gamma(KeyArray key, double a, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("gamma", dtype);
        return gamma(key, Uniforms.weak(a), shape, t);
    }

    /** Gamma floats with shape parameters {@code a} ({@code shape} null: a's shape). */
    public static Array gamma(KeyArray key, Array a, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("gamma", dtype);
        return Gammas.gamma(single("gamma", key), a, shape == null ? a.shape() : shape.clone(), t, false);
    }

    /** log of Gamma(a) samples, accurate for small {@code a} ({@code jax.random.loggamma}). */
    public static Array loggamma(KeyArray key, double a, int[] shape) { return loggamma(key, a, shape, null); }

    /** log of Gamma(a) samples of the given dtype. */
    public static Array loggamma(KeyArray key, double a, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("loggamma", dtype);
        return loggamma(key, Uniforms.weak(a), shape, t);
    }

    /** log of Gamma samples with shape parameters {@code a} ({@code shape} null: a's shape). */
    public static Array loggamma(KeyArray key, Array a, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("loggamma", dtype);
        return Gammas.gamma(single("loggamma", key), a, shape == null ? a.shape() : shape.clone(), t, true);
    }

    /** Beta(a, b) float32s. */
    public static Array beta(KeyArray key, double a, double b, int[] shape) { return beta(key, a, b, shape, null); }

    /** Beta(a, b) floats of the given dtype. */
    public static Array beta(KeyArray key, double a, double b, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("beta", dtype);
        return Gammas.beta(single("beta", key), Uniforms.weak(a), Uniforms.weak(b), shape.clone(), t);
    }

    /** Dirichlet(alpha) floats of shape {@code shape + alpha.shape[-1:]} ({@code shape} null: alpha's batch shape). */
    public static Array dirichlet(KeyArray key, Array alpha, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("dirichlet", dtype);
        int[] s = shape == null ? java.util.Arrays.copyOf(alpha.shape(), Math.max(0, alpha.ndim() - 1)) : shape.clone();
        return Gammas.dirichlet(single("dirichlet", key), alpha, s, t);
    }

    /** Dirichlet(alpha) float32s. */
    public static Array dirichlet(KeyArray key, Array alpha) { return dirichlet(key, alpha, null, null); }

    /** Chi-square float32s with {@code df} degrees of freedom. */
    public static Array chisquare(KeyArray key, double df, int[] shape) { return chisquare(key, df, shape, null); }

    /** Chi-square floats of the given dtype. */
    public static Array chisquare(KeyArray key, double df, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("chisquare", dtype);
        return Gammas.chisquare(single("chisquare", key), Uniforms.weak(df), shape.clone(), t);
    }

    /** Student's t float32s with {@code df} degrees of freedom. */
    public static Array t(KeyArray key, double df, int[] shape) { return t(key, df, shape, null); }

    /** Student's t floats of the given dtype. */
    public static Array t(KeyArray key, double df, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("t", dtype);
        return Gammas.t(single("t", key), Uniforms.weak(df), shape.clone(), t);
    }

    /** F-distribution float32s. */
    public static Array f(KeyArray key, double dfnum, double dfden, int[] shape) { return f(key, dfnum, dfden, shape, null); }

    /** F-distribution floats of the given dtype. */
    public static Array f(KeyArray key, double dfnum, double dfden, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("f", dtype);
        return Gammas.f(single("f", key), floatScalar(dfnum, t), floatScalar(dfden, t), shape.clone(), t);
    }

    /** Generalized normal floats with shape parameter {@code p}. */
    public static Array generalizedNormal(KeyArray key, double p, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("generalized_normal", dtype);
        return Gammas.generalizedNormal(single("generalized_normal", key), p, shape.clone(), t);
    }

    /** Points uniform in the {@code d}-dimensional unit {@code p}-norm ball, shape {@code shape + (d,)}. */
    public static Array ball(KeyArray key, int d, double p, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("ball", dtype);
        return Gammas.ball(single("ball", key), d, p, shape.clone(), t);
    }

    /** Points uniform in the {@code d}-dimensional unit Euclidean ball. */
    public static Array ball(KeyArray key, int d) { return ball(key, d, 2, new int[0], null); }

    /** Geometric counts (trials to the first success, from 1) of the default int dtype. */
    public static Array geometric(KeyArray key, double p, int[] shape) { return geometric(key, p, shape, null); }

    /** Geometric counts of an int dtype. */
    public static Array geometric(KeyArray key, double p, int[] shape, DType dtype) {
        DType t = dtype == null ? DType.defaultInt() : dtype.canonicalize();
        return Shapes.geometric(single("geometric", key), p, shape.clone(), t);
    }

    /** Triangular floats on {@code [left, right]} with the given mode. */
    public static Array triangular(KeyArray key, double left, double mode, double right, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("triangular", dtype);
        return Shapes.triangular(single("triangular", key), left, mode, right, shape.clone(), t);
    }

    /** Wald (inverse Gaussian) floats with the given mean. */
    public static Array wald(KeyArray key, double mean, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("wald", dtype);
        return Shapes.wald(single("wald", key), mean, shape.clone(), t);
    }

    /** Beta(a, b) floats with array parameters ({@code shape} null: their broadcast shape), differentiable in a and b. */
    public static Array beta(KeyArray key, Array a, Array b, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("beta", dtype);
        int[] s = shape == null ? broadcastShape(a.shape(), b.shape()) : shape.clone();
        return Gammas.beta(single("beta", key), a, b, s, t);
    }

    // ---- counts --------------------------------------------------------------------------------

    /** Poisson counts (default int dtype) with rate {@code lam}. */
    public static Array poisson(KeyArray key, double lam, int[] shape) {
        return poisson(key, floatScalar(lam, DType.FLOAT32), shape, null);
    }

    /**
     * Poisson counts of an integer dtype (null: int32, or int64 with x64) with rates {@code lam}
     * broadcast to {@code shape} (null: lam's shape): Knuth's method below 10, transformed rejection above.
     */
    public static Array poisson(KeyArray key, Array lam, int[] shape, DType dtype) {
        DType t = dtype == null ? DType.defaultInt() : dtype.canonicalize();
        if (!t.isInteger()) throw new IllegalArgumentException("dtype argument to `poisson` must be an int dtype, got " + t);
        return Discrete.poisson(single("poisson", key), lam, shape == null ? lam.shape() : shape.clone(), t);
    }

    /** Binomial counts (float32) of {@code n} trials with success probability {@code p}. */
    public static Array binomial(KeyArray key, double n, double p, int[] shape) {
        DType t = DType.defaultFloat();
        return binomial(key, floatScalar(n, t), floatScalar(p, t), shape, null);
    }

    /**
     * Binomial counts of a float dtype (null: float32, or float64 with x64), {@code shape} null: the
     * broadcast shape of n and p: inversion when {@code n * min(p, 1 - p) <= 10}, BTRS rejection above.
     */
    public static Array binomial(KeyArray key, Array n, Array p, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("binomial", dtype);
        int[] s = shape == null ? broadcastShape(n.shape(), p.shape()) : shape.clone();
        return Discrete.binomial(single("binomial", key), n, p, s, t);
    }

    /** Multinomial counts (float32) of {@code n} trials over the outcomes of {@code p}'s last axis. */
    public static Array multinomial(KeyArray key, double n, Array p) { return multinomial(key, floatScalar(n, DType.defaultFloat()), p, null, null); }

    /**
     * Multinomial counts of shape {@code shape} (null: p's shape; else the batch shape plus p's last
     * axis), as a sequence of binomials over the remaining trials; dtype null: float32.
     */
    public static Array multinomial(KeyArray key, Array n, Array p, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("multinomial", dtype);
        if (p.ndim() < 1) throw new IllegalArgumentException("multinomial: p must have at least one dimension");
        return Discrete.multinomial(single("multinomial", key), n, p, shape == null ? null : shape.clone(), t);
    }

    private static int[] broadcastShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] d = new int[r];
        for (int i = 0; i < r; i++) {
            int x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException("incompatible shapes for broadcasting: " + java.util.Arrays.toString(a)
                        + " and " + java.util.Arrays.toString(b));
            }
            d[i] = x == 1 ? y : x;
        }
        return d;
    }

    // ---- permutations and choices --------------------------------------------------------------

    /** A random permutation of {@code arange(n)} (default int dtype). */
    public static Array permutation(KeyArray key, int n) {
        return Shuffles.permutation(single("permutation", key), n);
    }

    /** {@code x} permuted along axis 0. */
    public static Array permutation(KeyArray key, Array x) { return permutation(key, x, 0, false); }

    /**
     * {@code x} permuted along {@code axis}: whole slices together, or each 1-D slice on its own when
     * {@code independent}.
     */
    public static Array permutation(KeyArray key, Array x, int axis, boolean independent) {
        return Shuffles.permutation(single("permutation", key), x, axis, independent);
    }

    /** {@code x} shuffled along {@code axis} (JAX's deprecated {@code shuffle}, as {@code permutation(independent=True)}). */
    public static Array shuffle(KeyArray key, Array x, int axis) {
        return Shuffles.shuffle(single("shuffle", key), x, Shuffles.canonicalAxis(axis, x.ndim()));
    }

    /** Draws from {@code arange(n)}: with replacement, uniformly. */
    public static Array choice(KeyArray key, int n, int[] shape) { return choice(key, n, shape, true, null); }

    /** Draws from {@code arange(n)} with or without replacement, with probabilities {@code p} (null: uniform). */
    public static Array choice(KeyArray key, int n, int[] shape, boolean replace, Array p) {
        return Shuffles.choice(single("choice", key), n, null, shape.clone(), replace, p, 0);
    }

    /** Draws slices of {@code a} along {@code axis}, with or without replacement, with probabilities {@code p}. */
    public static Array choice(KeyArray key, Array a, int[] shape, boolean replace, Array p, int axis) {
        if (a.ndim() == 0) throw new IllegalArgumentException("a must be an integer or at least one-dimensional");
        return Shuffles.choice(single("choice", key), 0, a, shape.clone(), replace, p, axis);
    }

    /** Category indices drawn from unnormalised log-probabilities along the last axis. */
    public static Array categorical(KeyArray key, Array logits) { return categorical(key, logits, -1, null); }

    /** Category indices drawn from {@code logits} along {@code axis}, of shape {@code shape} (null: the batch shape). */
    public static Array categorical(KeyArray key, Array logits, int axis, int[] shape) {
        return categorical(key, logits, axis, shape, true);
    }

    /**
     * Category indices drawn from {@code logits} along {@code axis}; without replacement, the leading
     * {@code shape} dimensions beyond the batch shape index distinct draws (Gumbel top-k).
     */
    public static Array categorical(KeyArray key, Array logits, int axis, int[] shape, boolean replace) {
        return Shuffles.categorical(single("categorical", key), logits, axis, shape == null ? null : shape.clone(),
                replace);
    }
}
