package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;

/** Samplers that transform uniforms and normals with a few parameters: geometric, triangular, wald. */
final class Shapes {
    private Shapes() {}

    /** {@code geometric}: {@code floor(log(u) / log1p(-p)) + 1} (u == 0 replaced by 1), as an int dtype. */
    static Array geometric(Array key, double p, int[] shape, DType dtype) {
        DType ft = DType.defaultFloat();
        Array u = Uniforms.uniform(key, shape, ft, 0.0, 1.0);
        Array zero = Lax.eq(u, Uniforms.constant(0, ft));
        u = Lax.select(zero, Lax.broadcastInDim(Uniforms.constant(1, ft), shape), u);
        Array logU = Lax.log(u);
        Array log1mP = Lax.log1p(Lax.neg(Uniforms.constant(p, ft)));
        Array g = Lax.add(Lax.floor(Lax.div(logU, log1mP)), Uniforms.constant(1, ft));
        return Lax.convertElementType(g, dtype, false);
    }

    /** {@code triangular(left, mode, right)} by inverting the CDF. */
    static Array triangular(Array key, double left, double mode, double right, int[] shape, DType dtype) {
        Array l = Lax.broadcastInDim(Uniforms.constant(left, dtype), shape);
        Array r = Lax.broadcastInDim(Uniforms.constant(right, dtype), shape);
        Array m = Lax.broadcastInDim(Uniforms.constant(mode, dtype), shape);
        Array fc = Lax.div(Lax.sub(m, l), Lax.sub(r, l));
        Array u = Uniforms.uniform(key, shape, dtype, 0.0, 1.0);
        Array out1 = Lax.add(l, Lax.sqrt(Lax.mul(Lax.mul(u, Lax.sub(r, l)), Lax.sub(m, l))));
        Array oneMinusU = Lax.sub(Uniforms.constant(1, dtype), u);
        Array out2 = Lax.sub(r, Lax.sqrt(Lax.mul(Lax.mul(oneMinusU, Lax.sub(r, l)), Lax.sub(r, m))));
        return Lax.select(Lax.lt(u, fc), out1, out2);
    }

    /** {@code wald(mean)}: the inverse Gaussian by Michael, Schucany and Haas's transformation. */
    static Array wald(Array key, double mean, int[] shape, DType dtype) {
        Array[] k = Gammas.split2(key);
        Array mu = Lax.broadcastInDim(Uniforms.constant(mean, dtype), shape);
        Array v = Uniforms.normal(k[0], shape, dtype);
        Array z = Uniforms.uniform(k[1], shape, dtype, 0.0, 1.0);
        Array y = Lax.mul(v, v);
        Array ySq = Lax.mul(y, y);
        Array muSq = Lax.mul(mu, mu);
        Array sqrtTerm = Lax.sqrt(Lax.add(Lax.mul(Lax.mul(Uniforms.constant(4, dtype), mu), y), Lax.mul(muSq, ySq)));
        Array two = Uniforms.constant(2, dtype);
        Array x = Lax.sub(Lax.add(mu, Lax.div(Lax.mul(muSq, y), two)), Lax.mul(Lax.div(mu, two), sqrtTerm));
        Array w = Lax.select(Lax.le(z, Lax.div(mu, Lax.add(mu, x))), x, Lax.div(muSq, x));
        return w;
    }
}
