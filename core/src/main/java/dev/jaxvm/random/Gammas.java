package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFnN;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;

/**
 * The samplers built on {@code random_gamma} (JAX's {@code _gamma}, {@code _beta},
 * {@code _dirichlet}, {@code _chisquare}, {@code _t}, {@code _f}, {@code _generalized_normal},
 * {@code _ball}).
 */
final class Gammas {
    private Gammas() {}

    static Array gamma(Array key, Array a, int[] shape, DType dtype, boolean logSpace) {
        Threefry.size(shape);
        return GAMMA.call(key, a, new Shape(shape), dtype, logSpace);
    }

    /** JAX's {@code _gamma} (jitted; static shape, dtype and log_space): a broadcast to shape, then {@code random_gamma}. */
    private static final JitFnN GAMMA = Jax.jitN(x -> {
        int[] shape = ((Shape) x[2]).dims();
        Array a = Lax.convertElementType((Array) x[1], (DType) x[3], false);
        if (!Arrays.equals(a.shape(), shape)) a = broadcastFull(a, shape);
        return Lax.randomGamma((Array) x[0], a, (Boolean) x[4]);
    }).named("_gamma").staticArgnums(2, 3, 4);

    /** {@code a} broadcast to {@code shape}, materialised (rank 0 included). */
    static Array broadcastFull(Array a, int[] shape) {
        int r = a.ndim();
        if (r > shape.length) throw new IllegalArgumentException("shape " + Arrays.toString(a.shape())
                + " is not broadcast-compatible with " + Arrays.toString(shape));
        int[] dims = new int[r];
        for (int i = 0; i < r; i++) dims[i] = shape.length - r + i;
        return Lax.broadcastInDim(a, shape, dims);
    }

    static Array[] split2(Array key) { return Threefry.split2(key); }

    static Array beta(Array key, Array a, Array b, int[] shape, DType dtype) {
        return BETA.call(key, a, b, new Shape(shape), dtype);
    }

    /** JAX's {@code _beta} (jitted; static shape and dtype): two log-space gammas, normalised. */
    private static final JitFnN BETA = Jax.jitN(x -> betaBody((Array) x[0], (Array) x[1], (Array) x[2],
            ((Shape) x[3]).dims(), (DType) x[4])).named("_beta").staticArgnums(3, 4);

    private static Array betaBody(Array key, Array a, Array b, int[] shape, DType dtype) {
        a = Lax.convertElementType(a, dtype, false);
        b = Lax.convertElementType(b, dtype, false);
        Array[] k = split2(key);
        a = broadcastFull(a, shape);
        b = broadcastFull(b, shape);
        Array la = gamma(k[0], a, shape, dtype, true);
        Array lb = gamma(k[1], b, shape, dtype, true);
        Array m = Lax.max(la, lb);
        Array ga = Lax.exp(Lax.sub(la, m));
        Array gb = Lax.exp(Lax.sub(lb, m));
        return Lax.div(ga, Lax.add(ga, gb));
    }

    static Array dirichlet(Array key, Array alpha, int[] shape, DType dtype) {
        if (alpha.ndim() < 1) {
            throw new IllegalArgumentException("dirichlet requires alpha.ndim >= 1, got alpha.ndim == " + alpha.ndim());
        }
        return DIRICHLET.call(key, alpha, new Shape(shape), dtype);
    }

    /**
     * JAX's {@code _dirichlet} (jitted; static shape and dtype): log-space gammas, then
     * {@code _softmax} over the last axis (max with {@code -inf}, kept dims, stop_gradient).
     */
    private static final JitFnN DIRICHLET = Jax.jitN(x -> {
        Array alpha = (Array) x[1];
        int[] shape = ((Shape) x[2]).dims();
        DType dtype = (DType) x[3];
        int kdim = alpha.shape()[alpha.ndim() - 1];
        int[] full = Arrays.copyOf(shape, shape.length + 1);
        full[shape.length] = kdim;
        Array lg = gamma((Array) x[0], alpha, full, dtype, true);
        int last = shape.length;
        int[] keep = full.clone();
        keep[last] = 1;
        int[] dims = new int[last];
        for (int i = 0; i < last; i++) dims[i] = i;
        Array max = Lax.max(Uniforms.constant(Double.NEGATIVE_INFINITY, dtype), Lax.reduceMax(lg, last));
        Array m = Lax.stopGradient(Lax.broadcastInDim(max, keep, dims));
        Array e = Lax.exp(Lax.sub(lg, m));
        Array sum = Lax.broadcastInDim(Lax.reduceSum(e, last), keep, dims);
        return Lax.div(e, sum);
    }).named("_dirichlet").staticArgnums(2, 3);

    static Array chisquare(Array key, Array df, int[] shape, DType dtype) {
        return CHISQUARE.call(key, df, new Shape(shape), dtype);
    }

    /** JAX's {@code _chisquare} (jitted; static shape and dtype): {@code 2 exp(loggamma(df / 2))}. */
    private static final JitFnN CHISQUARE = Jax.jitN(x -> chisquareBody((Array) x[0], (Array) x[1],
            ((Shape) x[2]).dims(), (DType) x[3])).named("_chisquare").staticArgnums(2, 3);

    private static Array chisquareBody(Array key, Array df, int[] shape, DType dtype) {
        df = Lax.convertElementType(df, dtype, false);
        Array two = Uniforms.constant(2, dtype);
        Array halfDf = Lax.div(df, two);
        Array lg = gamma(key, halfDf, shape, dtype, true);
        return Lax.mul(Lax.exp(lg), two);
    }

    static Array t(Array key, Array df, int[] shape, DType dtype) {
        return T.call(key, df, new Shape(shape), dtype);
    }

    /** JAX's {@code _t} (jitted; static shape and dtype): {@code normal * sqrt((df / 2) / gamma(df / 2))}. */
    private static final JitFnN T = Jax.jitN(x -> tBody((Array) x[0], (Array) x[1], ((Shape) x[2]).dims(),
            (DType) x[3])).named("_t").staticArgnums(2, 3);

    private static Array tBody(Array key, Array df, int[] shape, DType dtype) {
        df = Lax.convertElementType(df, dtype, false);
        Array[] k = split2(key);
        Array n = Uniforms.normal(k[0], shape, dtype);
        Array halfDf = Lax.div(df, Uniforms.constant(2, dtype));
        Array g = gamma(k[1], halfDf, shape, dtype, false);
        return Lax.mul(n, Lax.sqrt(Lax.div(Uniforms.broadcastTo(halfDf, shape), g)));
    }

    static Array f(Array key, Array dfnum, Array dfden, int[] shape, DType dtype) {
        dfden = Lax.convertElementType(dfden, dtype, false);
        dfnum = Lax.convertElementType(dfnum, dtype, false);
        Array[] k = split2(key);
        Array chiNum = chisquare(k[1], dfnum, shape, dtype);
        Array chiDen = chisquare(k[0], dfden, shape, dtype);
        return Lax.div(Lax.div(chiNum, Uniforms.broadcastTo(dfnum, shape)),
                Lax.div(chiDen, Uniforms.broadcastTo(dfden, shape)));
    }

    static Array generalizedNormal(Array key, double p, int[] shape, DType dtype) {
        Array[] k = split2(key);
        Array g = gamma(k[0], Uniforms.constant(1 / p, dtype), shape, dtype, false);
        Array r = Integers.rademacher(k[1], shape, dtype);
        return Lax.mul(r, Lax.pow(g, Uniforms.constant(1 / p, dtype)));
    }

    static Array ball(Array key, int d, double p, int[] shape, DType dtype) {
        Array[] k = split2(key);
        int[] full = Arrays.copyOf(shape, shape.length + 1);
        full[shape.length] = d;
        Array g = generalizedNormal(k[0], p, full, dtype);
        Array e = Uniforms.exponential(k[1], shape, dtype);
        Array s = Lax.reduceSum(Lax.pow(Lax.abs(g), Uniforms.constant(p, dtype)), shape.length);
        Array norm = Lax.pow(Lax.add(s, e), Uniforms.constant(1 / p, dtype));
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = i;
        return Lax.div(g, Lax.broadcastInDim(norm, full, dims));
    }
}
