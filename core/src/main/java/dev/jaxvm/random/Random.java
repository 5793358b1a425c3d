package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;

/**
 * JAX's splittable PRNG ({@code jax.random}) with the default {@code threefry2x32}
 * implementation, bit for bit: the same key gives the same numbers as JAX on CPU, in both settings
 * of {@code jax_threefry_partitionable} ({@code Jax.config().threefryPartitionable()}, read when a
 * function runs or is traced).
 *
 * <p>Keys are values: {@link #key} makes a typed {@link KeyArray}, {@link #PRNGKey} raw
 * {@code uint32[2]} key data; {@link #split} and {@link #foldIn} derive new keys, and every sampler
 * takes one key. Every function is written with {@code Lax} operations, so it traces like any other.
 *
 * {@snippet :
 * KeyArray key = Random.key(32);
 * Array m = Random.randint(key, new int[] {4, 4}, 1, 10);   // [[4,4,3,1],[8,5,4,8],[5,8,7,3],[9,5,3,6]]
 * KeyArray ks = Random.split(key);
 * Array v = Random.normal(ks.get(1));                       // 2.0746586
 * }
 */
public final class Random {
    private Random() {}

    // ---- keys ----------------------------------------------------------------------------------

    /**
     * A typed key from an integer seed ({@code jax.random.key}): key data {@code [0, seed mod 2^32]}
     * with x64 off (the seed is wrapped to 32 bits), {@code [seed >>> 32, seed & 0xFFFFFFFF]} with x64 on.
     */
    public static KeyArray key(long seed) { return new KeyArray(Threefry.seed(seed)); }

    /** A typed key from a scalar integer seed array (which may be traced). */
    public static KeyArray key(Array seed) { return new KeyArray(Threefry.seed(seed)); }

    /** Raw key data {@code uint32[2]} from an integer seed ({@code jax.random.PRNGKey}). */
    public static Array PRNGKey(long seed) { return Threefry.seed(seed); }

    /** Raw key data from a scalar integer seed array. */
    public static Array PRNGKey(Array seed) { return Threefry.seed(seed); }

    /** The {@code uint32[..., 2]} data under a key array ({@code jax.random.key_data}). */
    public static Array keyData(KeyArray keys) { return keys.data(); }

    /** Wraps raw {@code uint32[..., 2]} key data as a typed key array ({@code jax.random.wrap_key_data}). */
    public static KeyArray wrapKeyData(Array keyBitsArray) { return new KeyArray(keyBitsArray); }

    /** The name of a key array's PRNG implementation ({@code jax.random.key_impl}): always {@code "threefry2x32"}. */
    public static String keyImpl(KeyArray keys) { return "threefry2x32"; }

    /** A copy of a key ({@code jax.random.clone}); keys are immutable values, so it is the key itself. */
    public static KeyArray clone(KeyArray key) { return key; }

    /** Two new keys, shape {@code (2,)}. */
    public static KeyArray split(KeyArray key) { return split(key, 2); }

    /** {@code num} new keys, shape {@code (num,)}. */
    public static KeyArray split(KeyArray key, int num) { return split(key, new int[] {num}); }

    /** New keys of the given shape. */
    public static KeyArray split(KeyArray key, int[] shape) {
        return new KeyArray(Threefry.split(single("split", key), shape));
    }

    /** Raw-key {@code split}: key data {@code uint32[num, 2]} from key data {@code uint32[2]}. */
    public static Array split(Array key, int num) { return split(wrapKeyData(key), num).data(); }

    /** Raw-key {@code split(key)}: key data {@code uint32[2, 2]}. */
    public static Array split(Array key) { return split(key, 2); }

    /** A new key mixing {@code data} (as uint32) into {@code key} ({@code jax.random.fold_in}). */
    public static KeyArray foldIn(KeyArray key, int data) {
        return new KeyArray(Threefry.foldIn(single("fold_in", key), Threefry.u32(data)));
    }

    /** {@code foldIn} with a scalar integer array (which may be traced). */
    public static KeyArray foldIn(KeyArray key, Array data) {
        if (data.ndim() != 0 || !data.dtype().isInteger()) {
            throw new IllegalArgumentException("fold_in data must be a scalar integer, got " + data.type().toLongString());
        }
        return new KeyArray(Threefry.foldIn(single("fold_in", key), Lax.convertElementType(data, DType.UINT32, false)));
    }

    /** Raw-key {@code foldIn}. */
    public static Array foldIn(Array key, int data) { return foldIn(wrapKeyData(key), data).data(); }

    private static Array single(String name, KeyArray key) {
        if (key.ndim() != 0) {
            throw new IllegalArgumentException(name + " accepts a single key, but was given a key array of shape "
                    + shapeString(key.shape()) + " != (). Use jax.vmap for batching.");
        }
        return key.data();
    }

    private static String shapeString(int[] s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? ", " : "").append(s[i]);
        return b.append(')').toString();
    }

    // ---- bits and uniform ----------------------------------------------------------------------

    /** One uint32 of random bits (uint64 with x64). */
    public static Array bits(KeyArray key) { return bits(key, new int[0], null); }

    /** Random bits of the default unsigned dtype. */
    public static Array bits(KeyArray key, int[] shape) { return bits(key, shape, null); }

    /** Random bits of an unsigned dtype (null: uint32, or uint64 with x64). */
    public static Array bits(KeyArray key, int[] shape, DType dtype) {
        DType t = dtype == null ? DType.defaultUint() : dtype.canonicalize();
        if (!t.isUnsigned()) {
            throw new IllegalArgumentException("dtype argument to `bits` must be an unsigned int dtype, got " + t);
        }
        return Threefry.randomBits(single("bits", key), t.bits(), shape.clone());
    }

    /** Raw-key {@code bits}. */
    public static Array bits(Array key, int[] shape) { return bits(wrapKeyData(key), shape); }

    /** One float32 uniform on {@code [0, 1)}. */
    public static Array uniform(KeyArray key) { return uniform(key, new int[0]); }

    /** Uniform floats on {@code [0, 1)}. */
    public static Array uniform(KeyArray key, int[] shape) { return uniform(key, shape, null, 0.0, 1.0); }

    /** Uniform floats of {@code dtype} on {@code [0, 1)}. */
    public static Array uniform(KeyArray key, int[] shape, DType dtype) { return uniform(key, shape, dtype, 0.0, 1.0); }

    /** Uniform floats on {@code [minval, maxval)} (bounds rounded to {@code dtype} first). */
    public static Array uniform(KeyArray key, int[] shape, DType dtype, double minval, double maxval) {
        DType t = Uniforms.floatDtype("uniform", dtype);
        return Uniforms.uniform(single("uniform", key), shape.clone(), t, minval, maxval);
    }

    /** Uniform floats between scalar array bounds (which may be traced). */
    public static Array uniform(KeyArray key, int[] shape, DType dtype, Array minval, Array maxval) {
        DType t = Uniforms.floatDtype("uniform", dtype);
        return Uniforms.uniform(single("uniform", key), shape.clone(), t, minval, maxval);
    }

    /** Raw-key {@code uniform}. */
    public static Array uniform(Array key, int[] shape) { return uniform(wrapKeyData(key), shape); }

    // ---- normal family -------------------------------------------------------------------------

    /** One standard normal float32. */
    public static Array normal(KeyArray key) { return normal(key, new int[0], null); }

    /** Standard normal floats. */
    public static Array normal(KeyArray key, int[] shape) { return normal(key, shape, null); }

    /** Standard normal floats of {@code dtype}. */
    public static Array normal(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.normal(single("normal", key), shape.clone(), Uniforms.floatDtype("normal", dtype));
    }

    /** Raw-key {@code normal}. */
    public static Array normal(Array key, int[] shape) { return normal(wrapKeyData(key), shape); }

    /** Standard normals truncated to {@code [lower, upper]}, scalar shape. */
    public static Array truncatedNormal(KeyArray key, double lower, double upper) {
        return truncatedNormal(key, lower, upper, new int[0], null);
    }

    /** Standard normals truncated to {@code [lower, upper]}. */
    public static Array truncatedNormal(KeyArray key, double lower, double upper, int[] shape) {
        return truncatedNormal(key, lower, upper, shape, null);
    }

    /** Standard normals of {@code dtype} truncated to {@code [lower, upper]}. */
    public static Array truncatedNormal(KeyArray key, double lower, double upper, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("truncated_normal", dtype);
        return Uniforms.truncatedNormal(single("truncated_normal", key), lower, upper, shape.clone(), t);
    }

    /** Log-normal floats: {@code exp(sigma * normal)}. */
    public static Array lognormal(KeyArray key, double sigma, int[] shape, DType dtype) {
        return Uniforms.lognormal(single("lognormal", key), sigma, shape.clone(), Uniforms.floatDtype("lognormal", dtype));
    }

    /** Standard log-normal floats. */
    public static Array lognormal(KeyArray key, int[] shape) { return lognormal(key, 1.0, shape, null); }

    /** Maxwell-Boltzmann floats (the norm of 3 standard normals). */
    public static Array maxwell(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.maxwell(single("maxwell", key), shape.clone(), Uniforms.floatDtype("maxwell", dtype));
    }

    /** Maxwell-Boltzmann float32s. */
    public static Array maxwell(KeyArray key, int[] shape) { return maxwell(key, shape, null); }

    /** Double-sided Maxwell floats: a Rademacher sign times a Maxwell sample, scaled and shifted. */
    public static Array doubleSidedMaxwell(KeyArray key, double loc, double scale, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("double_sided_maxwell", dtype);
        Array k = Threefry.split(single("double_sided_maxwell", key), new int[] {2});
        KeyArray ks = new KeyArray(k);
        Array m = maxwell(ks.get(0), shape, t);
        Array sign = rademacher(ks.get(1), shape, t);
        return Lax.add(Lax.mul(Lax.mul(sign, m), Uniforms.constant(scale, t)), Uniforms.constant(loc, t));
    }

    // ---- uniform transforms --------------------------------------------------------------------

    /** Standard exponential floats: {@code -log1p(-u)}. */
    public static Array exponential(KeyArray key) { return exponential(key, new int[0], null); }

    /** Standard exponential floats. */
    public static Array exponential(KeyArray key, int[] shape) { return exponential(key, shape, null); }

    /** Standard exponential floats of {@code dtype}. */
    public static Array exponential(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.exponential(single("exponential", key), shape.clone(), Uniforms.floatDtype("exponential", dtype));
    }

    /** Standard Gumbel floats (mode 'low'). */
    public static Array gumbel(KeyArray key) { return gumbel(key, new int[0], null); }

    /** Standard Gumbel floats (mode 'low'). */
    public static Array gumbel(KeyArray key, int[] shape) { return gumbel(key, shape, null); }

    /** Standard Gumbel floats of {@code dtype} (mode 'low'). */
    public static Array gumbel(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.gumbel(single("gumbel", key), shape.clone(), Uniforms.floatDtype("gumbel", dtype));
    }

    /** Standard Gumbel floats in mode {@code "low"} (the default) or {@code "high"} (two draws per value). */
    public static Array gumbel(KeyArray key, int[] shape, DType dtype, String mode) {
        DType t = Uniforms.floatDtype("gumbel", dtype);
        return switch (mode) {
            case "low" -> Uniforms.gumbel(single("gumbel", key), shape.clone(), t);
            case "high" -> Uniforms.gumbelHigh(single("gumbel", key), shape.clone(), t);
            default -> throw new IllegalArgumentException("mode must be 'low' or 'high' ('highest' is not supported),"
                    + " got '" + mode + "'");
        };
    }

    /** Standard Laplace floats. */
    public static Array laplace(KeyArray key, int[] shape) { return laplace(key, shape, null); }

    /** Standard Laplace floats of {@code dtype}. */
    public static Array laplace(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.laplace(single("laplace", key), shape.clone(), Uniforms.floatDtype("laplace", dtype));
    }

    /** Standard logistic floats. */
    public static Array logistic(KeyArray key, int[] shape) { return logistic(key, shape, null); }

    /** Standard logistic floats of {@code dtype}. */
    public static Array logistic(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.logistic(single("logistic", key), shape.clone(), Uniforms.floatDtype("logistic", dtype));
    }

    /** Standard Cauchy floats. */
    public static Array cauchy(KeyArray key, int[] shape) { return cauchy(key, shape, null); }

    /** Standard Cauchy floats of {@code dtype}. */
    public static Array cauchy(KeyArray key, int[] shape, DType dtype) {
        return Uniforms.cauchy(single("cauchy", key), shape.clone(), Uniforms.floatDtype("cauchy", dtype));
    }

    /** Pareto floats with shape parameter {@code b}: {@code exp(exponential / b)}. */
    public static Array pareto(KeyArray key, double b, int[] shape, DType dtype) {
        return Uniforms.pareto(single("pareto", key), b, shape.clone(), Uniforms.floatDtype("pareto", dtype));
    }

    /** Pareto float32s. */
    public static Array pareto(KeyArray key, double b, int[] shape) { return pareto(key, b, shape, null); }

    /** Weibull floats: {@code (-log1p(-u)) ** (1 / concentration) * scale}. */
    public static Array weibullMin(KeyArray key, double scale, double concentration, int[] shape, DType dtype) {
        return Uniforms.weibullMin(single("weibull_min", key), scale, concentration, shape.clone(),
                Uniforms.floatDtype("weibull_min", dtype));
    }

    /** Weibull float32s. */
    public static Array weibullMin(KeyArray key, double scale, double concentration, int[] shape) {
        return weibullMin(key, scale, concentration, shape, null);
    }

    /** Rayleigh floats: {@code scale * sqrt(-2 log u)}. */
    public static Array rayleigh(KeyArray key, double scale, int[] shape, DType dtype) {
        return Uniforms.rayleigh(single("rayleigh", key), scale, shape.clone(), Uniforms.floatDtype("rayleigh", dtype));
    }

    /** Rayleigh float32s. */
    public static Array rayleigh(KeyArray key, double scale, int[] shape) { return rayleigh(key, scale, shape, null); }

    // ---- integers and booleans -----------------------------------------------------------------

    /** Integers on {@code [minval, maxval)}, default int dtype. */
    public static Array randint(KeyArray key, int[] shape, long minval, long maxval) {
        return randint(key, shape, minval, maxval, null);
    }

    /**
     * Integers of {@code dtype} on {@code [minval, maxval)} (bounds clipped to the dtype's range; an
     * empty range gives {@code minval}); 8- and 16-bit dtypes are sampled in int32.
     */
    public static Array randint(KeyArray key, int[] shape, long minval, long maxval, DType dtype) {
        return Integers.randint(single("randint", key), shape.clone(), minval, maxval, dtype);
    }

    /** Raw-key {@code randint}. */
    public static Array randint(Array key, int[] shape, long minval, long maxval) {
        return randint(wrapKeyData(key), shape, minval, maxval);
    }

    /** One boolean, true with probability 0.5. */
    public static Array bernoulli(KeyArray key) { return bernoulli(key, 0.5); }

    /** One boolean, true with probability {@code p}. */
    public static Array bernoulli(KeyArray key, double p) { return bernoulli(key, p, new int[0]); }

    /** Booleans, true with probability {@code p} (a float32, or float64 with x64). */
    public static Array bernoulli(KeyArray key, double p, int[] shape) {
        return bernoulli(key, Uniforms.constant(p, DType.defaultFloat()), shape);
    }

    /** Booleans, true with probabilities {@code p} (a float array broadcast to {@code shape}). */
    public static Array bernoulli(KeyArray key, Array p, int[] shape) {
        return Integers.bernoulli(single("bernoulli", key), p, (shape == null ? p.shape() : shape.clone()));
    }

    /**
     * Booleans true with probabilities {@code p}, in mode {@code "low"} (one uniform per value, the
     * default) or {@code "high"} (two uniforms per value, exact for tiny {@code p}).
     */
    public static Array bernoulli(KeyArray key, Array p, int[] shape, String mode) {
        int[] s = shape == null ? p.shape() : shape.clone();
        return switch (mode) {
            case "low" -> Integers.bernoulli(single("bernoulli", key), p, s);
            case "high" -> Integers.bernoulliHigh(single("bernoulli", key), p, s);
            default -> throw new IllegalArgumentException("mode must be 'low' or 'high', got '" + mode + "'");
        };
    }

    /** Random signs {@code +1 / -1} of the default int dtype. */
    public static Array rademacher(KeyArray key, int[] shape) { return rademacher(key, shape, null); }

    /** Random signs {@code +1 / -1} of {@code dtype}. */
    public static Array rademacher(KeyArray key, int[] shape, DType dtype) {
        DType t = dtype == null ? DType.defaultInt() : dtype.canonicalize();
        return Integers.rademacher(single("rademacher", key), shape.clone(), t);
    }

    /**
     * Multivariate normal vectors {@code mean + L z} with {@code L} the Cholesky factor of {@code cov}
     * ({@code (n, n)}) and {@code z} standard normal; shape {@code shape + (n,)} ({@code shape} null:
     * mean's batch shape), dtype {@code dtype} (null: mean's float dtype).
     */
    public static Array multivariateNormal(KeyArray key, Array mean, Array cov, int[] shape, DType dtype) {
        return Multivariate.multivariateNormal(single("multivariate_normal", key), mean, cov,
                shape == null ? null : shape.clone(), dtype);
    }

    /** Multivariate normal vectors with mean's batch shape. */
    public static Array multivariateNormal(KeyArray key, Array mean, Array cov) {
        return multivariateNormal(key, mean, cov, null, null);
    }

    /** A random {@code n x n} orthogonal matrix, Haar-distributed (float32). */
    public static Array orthogonal(KeyArray key, int n) { return orthogonal(key, n, new int[0], null, null); }

    /**
     * Random {@code n x m} matrices with orthonormal rows or columns (m null: square), of shape
     * {@code shape + (n, m)}: the Q factor of a normal matrix with R's diagonal made positive.
     */
    public static Array orthogonal(KeyArray key, int n, int[] shape, DType dtype, Integer m) {
        DType t = Uniforms.floatDtype("orthogonal", dtype);
        return Multivariate.orthogonal(single("orthogonal", key), n, m == null ? n : m, shape.clone(), t);
    }

    // ---- gamma family --------------------------------------------------------------------------

    private static Array floatScalar(double v, DType t) { return Uniforms.constant(v, t); }

    /** Gamma(a) float32s of the given shape. */
    public static Array gamma(KeyArray key, double a, int[] shape) { return gamma(key, a, shape, null); }

    /** Gamma(a) floats of the given shape and dtype. */
    public static Array gamma(KeyArray key, double a, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("gamma", dtype);
        return gamma(key, floatScalar(a, t), shape, t);
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
        return loggamma(key, floatScalar(a, t), shape, t);
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
        return Gammas.beta(single("beta", key), floatScalar(a, t), floatScalar(b, t), shape.clone(), t);
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
        return Gammas.chisquare(single("chisquare", key), floatScalar(df, t), shape.clone(), t);
    }

    /** Student's t float32s with {@code df} degrees of freedom. */
    public static Array t(KeyArray key, double df, int[] shape) { return t(key, df, shape, null); }

    /** Student's t floats of the given dtype. */
    public static Array t(KeyArray key, double df, int[] shape, DType dtype) {
        DType t = Uniforms.floatDtype("t", dtype);
        return Gammas.t(single("t", key), floatScalar(df, t), shape.clone(), t);
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
