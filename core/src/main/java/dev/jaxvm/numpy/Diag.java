package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.List;

/**
 * {@code jnp.diag}: a 1-D array placed on diagonal k of a square matrix ({@code pad}, then
 * {@code where(eye, v[:, None], 0)}), or diagonal k of a 2-D array ({@code jnp.diagonal}: integer-array
 * indexing, i.e. {@code gather}), inside jnp's jitted {@code _diag}, as JAX lowers them.
 */
final class Diag {
    private Diag() {}

    static Array diag(Object v, int k) {
        Array a = Jnp.asarray(v);
        if (a.ndim() != 1 && a.ndim() != 2) {
            throw new IllegalArgumentException("diag: diag input must be 1d or 2d, got shape " + a.type().shape());
        }
        return NamedCall.call1("_diag", List.of(a), k, (as, kk) -> as.get(0).ndim() == 1
                ? fromVector(as.get(0), kk) : diagonal(as.get(0), kk));
    }

    /** out[i, j] = v'[i] where j == i + k, v' being v padded with |k| zeros (in front when k < 0). */
    private static Array fromVector(Array v, int k) {
        int n = v.shape()[0] + Math.abs(k);
        DenseArray zero = DenseArray.scalarLong(v.dtype(), v.weakType(), 0);
        Array padded = Lax.pad(v, zero, new int[][] {{Math.max(0, -k), Math.max(0, k), 0}});
        Array mask = CreationOps.eye(n, n, k, DType.BOOL);
        return Jnp.where(mask, Lax.broadcastInDim(padded, new int[] {n, 1}, 0), zero);
    }

    /** jnp.diagonal's default lowering: {@code a[i, j]} with {@code j = i + |k|} (swapped when k < 0). */
    private static Array diagonal(Array x, int k) {
        return NamedCall.call1("diagonal", List.of(x), k, (as, kk) -> {
            Array a = as.get(0);
            int size = Math.max(0, Math.min(a.shape()[0] + Math.min(kk, 0), a.shape()[1] - Math.max(kk, 0)));
            Array i = Jnp.arange(size);
            Array j = Jnp.arange(Math.abs(kk), Math.abs(kk) + size);
            return kk >= 0 ? a.get(i, j) : a.get(j, i);
        });
    }
}
