package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** API_BEHAVIOURS.md §5 E2 and E18: vmap of NumPy operations equals NumPy on the batch, with one batched program. */
class VmapOpsTest {
    static Array range(int n, int... shape) { return VmapTest.range(n, shape); }

    @Test
    void nestedMatMatIsOneDotGeneral() { // E2
        Array a = range(12, 3, 4), b = range(20, 4, 5).sub(7);
        Fn2 matvec = Jax.vmap(Jnp::vdot, Arrays.asList(0, null), 0);
        Fn2 matmat = Jax.vmap(matvec, Arrays.asList(null, 1), 1);
        assertArrayEquals(Jnp.matmul(a, b).toFloatArray(), matmat.apply(a, b).toFloatArray());
        String text = Jax.makeJaxpr(matmat).apply(a, b).toString();
        assertEquals(1, text.lines().filter(l -> l.contains(" = ")).count(), text);
        assertEquals(true, text.contains("dot_general"), text);
    }

    @Test
    void sliceRevSortConcatenateEqualNumPy() { // E18
        Array x = range(10 * 5 * 3 * 7, 10, 5, 3, 7);
        assertArrayEquals(x.get(":, :, 2").toFloatArray(), Jax.vmap(a -> a.get(":, 2")).apply(x).toFloatArray());
        assertArrayEquals(Jnp.flip(x, 2).toFloatArray(), Jax.vmap(a -> Jnp.flip(a, 1)).apply(x).toFloatArray());
        Array y = Jnp.array(new float[][] {{3, 1, 2}, {0, -1, 5}, {9, 9, 1}});
        assertArrayEquals(Jnp.sort(y, 0).toFloatArray(), Jax.vmap(a -> Jnp.sort(a), 1, 1).apply(y).toFloatArray());
        assertArrayEquals(Jnp.concatenate(java.util.List.of(y, y.mul(2)), 1).toFloatArray(),
                Jax.vmap(a -> Jnp.concatenate(java.util.List.of(a, a.mul(2)))).apply(y).toFloatArray());
    }

    @Test
    void batchedIndicesGatherAndScatter() { // E18: testGather*, testDynamicSlice
        Array x = range(20, 4, 5);
        Array idx = Jnp.array(new int[] {4, 0, 2, 1});
        Array picked = Jax.vmap((a, i) -> a.get(i)).apply(x, idx);              // x[b, idx[b]]
        assertArrayEquals(new float[] {4, 5, 12, 16}, picked.toFloatArray());
        Array windows = Jax.vmap((a, i) -> dev.jaxvm.lax.Lax.dynamicSlice(a, java.util.List.of(i), 2)).apply(x, idx);
        assertArrayEquals(new float[] {3, 4, 5, 6, 12, 13, 16, 17}, windows.toFloatArray()); // starts clamped to 3
        Array updated = Jax.vmap((a, i) -> a.at(i).set(-1)).apply(x, idx);
        float[] want = x.toFloatArray();
        int[] iv = idx.toIntArray();
        for (int b = 0; b < 4; b++) want[b * 5 + iv[b]] = -1;
        assertArrayEquals(want, updated.toFloatArray());
    }
}
