package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.List;

/**
 * {@code jnp.diag}: a 1-D array placed on diagonal k of a square matrix, or diagonal k of a 2-D
 * array. JAX lowers these with {@code pad} and {@code gather}; until those primitives are in jaxvm this
 * uses an equivalent mask-and-reduce lowering (same values; a negative zero on the diagonal reads as
 * +0).
 */
final class Diag {
    private Diag() {}

    static Array diag(Object v, int k) {
        Array a = Jnp.asarray(v);
        return switch (a.ndim()) {
            case 1, 2 -> NamedCall.call1("_diag", List.of(a), k, (as, kk) -> as.get(0).ndim() == 1
                    ? fromVector(as.get(0), kk) : diagonal(as.get(0), kk));
            default -> throw new IllegalArgumentException("diag: diag input must be 1d or 2d, got shape "
                    + a.type().shape());
        };
    }

    /** out[i, j] = v[i] (k >= 0) or v[j] (k < 0) where j == i + k, else 0. */
    private static Array fromVector(Array v, int k) {
        int n = v.shape()[0] + Math.abs(k);
        Array padded = padEnd(v, n);
        Array mask = CreationOps.eye(n, n, k, DType.BOOL);
        Array line = k >= 0 ? Lax.broadcastInDim(padded, new int[] {n, 1}, 0)
                : Lax.broadcastInDim(padded, new int[] {1, n}, 1);
        return Jnp.where(mask, line, zero(padded));
    }

    /** v followed by zeros up to length n, by selecting v[t] into row t of an (n, len) mask and reducing. */
    private static Array padEnd(Array v, int n) {
        int len = v.shape()[0];
        if (len == n) return v;
        int[] shape = {n, len};
        Array sel = Lax.eq(Lax.broadcastedIota(DType.INT32, shape, 0), Lax.broadcastedIota(DType.INT32, shape, 1));
        Array rows = Lax.broadcastInDim(v, shape, 1);
        Array picked = Lax.select(sel, rows, Lax.broadcastInDim(zero(v), shape));
        return reduceRows(picked, v.dtype());
    }

    /** The k-th diagonal of a 2-D array. */
    private static Array diagonal(Array x, int k) {
        int rows = x.shape()[0], cols = x.shape()[1];
        int r0 = Math.max(0, -k), c0 = Math.max(0, k);
        int len = Math.max(0, Math.min(rows - r0, cols - c0));
        Array mask = CreationOps.eye(rows, cols, k, DType.BOOL);
        Array picked = Lax.select(mask, x, Lax.broadcastInDim(zero(x), new int[] {rows, cols}));
        Array perRow = reduceRows(picked, x.dtype());
        return Lax.slice(perRow, new int[] {Math.min(r0, rows)}, new int[] {Math.min(r0, rows) + len}, null);
    }

    private static Array reduceRows(Array picked, DType t) {
        return t == DType.BOOL ? Lax.reduceOr(picked, 1) : Lax.reduceSum(picked, 1);
    }

    private static DenseArray zero(Array x) { return DenseArray.scalarLong(x.dtype(), false, 0); }
}
