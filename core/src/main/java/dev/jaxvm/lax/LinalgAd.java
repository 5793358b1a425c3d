package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.function.IntBinaryOperator;

/**
 * Batched matrix helpers for the linear-algebra JVP rules ({@code cholesky}, {@code qr},
 * {@code triangular_solve}), written with lax primitives so that they trace, transpose and batch:
 * matrices are the last two axes, the leading axes a batch.
 */
final class LinalgAd {
    private LinalgAd() {}

    /** {@code x @ y} over the leading batch axes (JAX's {@code batch_matmul}). */
    static Array matmul(Array x, Array y) {
        int r = x.ndim();
        int[] batch = new int[r - 2];
        for (int i = 0; i < batch.length; i++) batch[i] = i;
        return Lax.dotGeneral(x, y, DotDimensionNumbers.of(new int[] {r - 1}, new int[] {r - 2}, batch, batch),
                Precision.HIGHEST, null);
    }

    /** The matrix transpose of each matrix ({@code _T}). */
    static Array mT(Array x) {
        int r = x.ndim();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return Lax.transpose(x, perm);
    }

    /** {@code x} with the entries above the {@code k}-th diagonal zeroed ({@code jnp.tril}). */
    static Array tril(Array x, int k) { return masked(x, (i, j) -> j - i <= k ? 2 : 0); }

    /** {@code x} with the entries below the {@code k}-th diagonal zeroed ({@code jnp.triu}). */
    static Array triu(Array x, int k) { return masked(x, (i, j) -> j - i >= k ? 2 : 0); }

    /** JAX's {@code phi} of the Cholesky JVP: the lower triangle with the diagonal halved. */
    static Array phi(Array x) { return masked(x, (i, j) -> j < i ? 2 : j == i ? 1 : 0); }

    /** {@code x} times a constant matrix whose entry (i, j) is {@code twice.applyAsInt(i, j) / 2}, broadcast over the batch. */
    private static Array masked(Array x, IntBinaryOperator twice) {
        int[] s = x.shape();
        int m = s[s.length - 2];
        int n = s[s.length - 1];
        ArrayType t = new ArrayType(new Shape(s), x.dtype(), x.weakType());
        Object data = Storage.allocate(x.dtype(), t.size());
        for (int p = 0; p < t.size(); p++) {
            int i = p / n % m;
            Storage.setDouble(x.dtype(), data, p, twice.applyAsInt(i, p % n) / 2.0);
        }
        return Lax.mul(x, DenseArray.wrap(t, data));
    }
}
