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
        a = broadcastFull(Lax.convertElementType(a, dtype, false), shape);
        b = broadcastFull(Lax.convertElementType(b, dtype, false), shape);
        Array[] k = split2(key);
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
        int kdim = alpha.shape()[alpha.ndim() - 1];
        int[] full = Arrays.copyOf(shape, shape.length + 1);
        full[shape.length] = kdim;
        Array lg = gamma(key, alpha, full, dtype, true);
        // softmax over the last axis: exp(x - max) / sum(exp(x - max))
        Array max = null;
        for (int j = 0; j < kdim; j++) {
            Array s = lastAxisSlice(lg, j);
            max = max == null ? s : Lax.max(max, s);
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = i;
        Array e = Lax.exp(Lax.sub(lg, Lax.broadcastInDim(max, full, dims)));
        Array sum = Lax.reduceSum(e, shape.length);
        return Lax.div(e, Lax.broadcastInDim(sum, full, dims));
    }

    private static Array lastAxisSlice(Array x, int j) {
        int[] s = x.shape();
        int[] start = new int[s.length];
        int[] limit = s.clone();
        start[s.length - 1] = j;
        limit[s.length - 1] = j + 1;
        return Lax.reshape(Lax.slice(x, start, limit, null), Arrays.copyOf(s, s.length - 1));
    }

    static Array chisquare(Array key, Array df, int[] shape, DType dtype) {
        df = Lax.convertElementType(df, dtype, false);
        Array two = Uniforms.constant(2, dtype);
        Array halfDf = Lax.div(df, two);
        Array lg = gamma(key, halfDf, shape, dtype, true);
        return Lax.mul(Lax.exp(lg), two);
    }

    static Array t(Array key, Array df, int[] shape, DType dtype) {
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
