package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;

/** The samplers built on matrix decompositions: {@code multivariate_normal} ({@code 'cholesky'}) and {@code orthogonal}. */
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

    /** {@code orthogonal}: Q of the QR decomposition of a normal matrix, columns signed by diag(R). */
    static Array orthogonal(Array key, int n, int m, int[] shape, DType dtype) {
        int rows = Math.max(n, m);
        int cols = Math.min(n, m);
        int r = shape.length;
        int[] zs = Arrays.copyOf(shape, r + 2);
        zs[r] = rows;
        zs[r + 1] = cols;
        Array z = Uniforms.normal(key, zs, dtype);
        java.util.List<Array> qr = Lax.qr(z, false);
        Array q = qr.get(0);
        Array rr = qr.get(1);
        int[] rs = rr.shape();
        Array diagMask = Lax.eq(Lax.broadcastedIota(DType.INT32, rs, r), Lax.broadcastedIota(DType.INT32, rs, r + 1));
        Array d = Lax.reduceSum(Lax.select(diagMask, rr, Lax.broadcastInDim(Uniforms.constant(0, dtype), rs)), r);
        int[] dims = new int[r + 1];
        for (int i = 0; i < r; i++) dims[i] = i;
        dims[r] = r + 1;
        Array x = Lax.mul(q, Lax.broadcastInDim(Lax.sign(d), q.shape(), dims));
        if (n < m) {
            int[] perm = new int[r + 2];
            for (int i = 0; i < r; i++) perm[i] = i;
            perm[r] = r + 1;
            perm[r + 1] = r;
            x = Lax.transpose(x, perm);
        }
        return x;
    }
}
