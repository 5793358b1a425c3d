package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;

/**
 * The elementwise samplers of {@link Random} ({@code jax.random}'s bits, uniform, normal family,
 * transforms of a uniform, integers and booleans). Use them through {@code Random}.
 *
 * {@snippet :
 * Array u = Random.uniform(Random.key(0), new int[] {3});   // [0.947667, 0.9785799, 0.33229148]
 * }
 */
public class RandomSamplers extends RandomKeys {
    RandomSamplers() {}

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
        return Transforms.maxwell(single("maxwell", key), shape.clone(), Uniforms.floatDtype("maxwell", dtype));
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
        return Transforms.gumbel(single("gumbel", key), shape.clone(), Uniforms.floatDtype("gumbel", dtype));
    }

    /** Standard Gumbel floats in mode {@code "low"} (the default) or {@code "high"} (two draws per value). */
    public static Array gumbel(KeyArray key, int[] shape, DType dtype, String mode) {
        DType t = Uniforms.floatDtype("gumbel", dtype);
        return switch (mode) {
            case "low" -> Transforms.gumbel(single("gumbel", key), shape.clone(), t);
            case "high" -> Uniforms.gumbelHigh(single("gumbel", key), shape.clone(), t);
            default -> throw new IllegalArgumentException("mode must be 'low' or 'high' ('highest' is not supported),"
                    + " got '" + mode + "'");
        };
    }

    /** Standard Laplace floats. */
    public static Array laplace(KeyArray key, int[] shape) { return laplace(key, shape, null); }

    /** Standard Laplace floats of {@code dtype}. */
    public static Array laplace(KeyArray key, int[] shape, DType dtype) {
        return Transforms.laplace(single("laplace", key), shape.clone(), Uniforms.floatDtype("laplace", dtype));
    }

    /** Standard logistic floats. */
    public static Array logistic(KeyArray key, int[] shape) { return logistic(key, shape, null); }

    /** Standard logistic floats of {@code dtype}. */
    public static Array logistic(KeyArray key, int[] shape, DType dtype) {
        return Transforms.logistic(single("logistic", key), shape.clone(), Uniforms.floatDtype("logistic", dtype));
    }

    /** Standard Cauchy floats. */
    public static Array cauchy(KeyArray key, int[] shape) { return cauchy(key, shape, null); }

    /** Standard Cauchy floats of {@code dtype}. */
    public static Array cauchy(KeyArray key, int[] shape, DType dtype) {
        return Transforms.cauchy(single("cauchy", key), shape.clone(), Uniforms.floatDtype("cauchy", dtype));
    }

    /** Pareto floats with shape parameter {@code b}: {@code exp(exponential / b)}. */
    public static Array pareto(KeyArray key, double b, int[] shape, DType dtype) {
        return Transforms.pareto(single("pareto", key), b, shape.clone(), Uniforms.floatDtype("pareto", dtype));
    }

    /** Pareto float32s. */
    public static Array pareto(KeyArray key, double b, int[] shape) { return pareto(key, b, shape, null); }

    /** Weibull floats: {@code (-log1p(-u)) ** (1 / concentration) * scale}. */
    public static Array weibullMin(KeyArray key, double scale, double concentration, int[] shape, DType dtype) {
        return Transforms.weibullMin(single("weibull_min", key), scale, concentration, shape.clone(),
                Uniforms.floatDtype("weibull_min", dtype));
    }

    /** Weibull float32s. */
    public static Array weibullMin(KeyArray key, double scale, double concentration, int[] shape) {
        return weibullMin(key, scale, concentration, shape, null);
    }

    /** Rayleigh floats: {@code scale * sqrt(-2 log u)}. */
    public static Array rayleigh(KeyArray key, double scale, int[] shape, DType dtype) {
        return Transforms.rayleigh(single("rayleigh", key), scale, shape.clone(), Uniforms.floatDtype("rayleigh", dtype));
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
        return Transforms.rademacher(single("rademacher", key), shape.clone(), t);
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

}
