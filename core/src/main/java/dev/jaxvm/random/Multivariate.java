package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;

/** {@code multivariate_normal} with JAX's default method, {@code 'cholesky'}. */
final class Multivariate {
    private Multivariate() {}

    static Array multivariateNormal(Array key, Array mean, Array cov, int[] shape, DType dtype) {
        if (mean.ndim() < 1) {
            throw new IllegalArgumentException("multivariate_normal requires mean.ndim >= 1, got mean.ndim == "
                    + mean.ndim());
        }
        if (cov.ndim() < 2) {
            throw new IllegalArgumentException("multivariate_normal requires cov.ndim >= 2, got cov.ndim == " + cov.ndim());
        }
        int n = mean.shape()[mean.ndim() - 1];
        int[] cs = cov.shape();
        if (cs[cs.length - 1] != n || cs[cs.length - 2] != n) {
            throw new IllegalArgumentException("multivariate_normal requires cov.shape == (..., n, n) for n=" + n
                    + ", but got cov.shape == " + Arrays.toString(cs) + ".");
        }
        if (cov.ndim() > 2) {
            throw new UnsupportedOperationException("multivariate_normal with a batch of covariances needs einsum"
                    + " with '...' subscripts, which jaxvm does not have yet");
        }
        DType inexact = mean.dtype().isFloating() ? mean.dtype() : DType.defaultFloat();
        if (cov.dtype().isFloating() && cov.dtype().bits() > inexact.bits()) inexact = cov.dtype();
        mean = Lax.convertElementType(mean, inexact, false);
        cov = Lax.convertElementType(cov, inexact, false);
        DType t = dtype == null ? inexact : dtype.canonicalize();
        if (!t.isFloating()) {
            throw new IllegalArgumentException("dtype argument to `multivariate_normal` must be a float dtype, got " + t);
        }
        if (shape == null) shape = Arrays.copyOf(mean.shape(), mean.ndim() - 1);
        // jnp.linalg.cholesky: symmetrize (x + x^T) / 2, factor, keep the lower triangle
        Array sym = Lax.div(Lax.add(cov, Lax.transpose(cov, 1, 0)), Uniforms.constant(2, inexact));
        Array factor = Lax.cholesky(sym);
        int[] zs = Arrays.copyOf(shape, shape.length + 1);
        zs[shape.length] = n;
        Array z = Uniforms.normal(key, zs, t);
        if (factor.dtype() != t) factor = Lax.convertElementType(factor, t, false);
        // einsum('...ij,...j->...i', factor, z): contract z's last axis with the factor's columns
        Array fz = Lax.dotGeneral(z, factor, DotDimensionNumbers.of(new int[] {shape.length}, new int[] {1},
                new int[0], new int[0]));
        Array m = Lax.convertElementType(mean, t, false);
        return Lax.add(Uniforms.broadcastTo(m, zs), fz);
    }
}
