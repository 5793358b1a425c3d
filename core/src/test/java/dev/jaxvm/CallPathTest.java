package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** The per-pixel call path's fast paths: the jitted last-call reuse and the eager basic-index slice. */
class CallPathTest {
    @Test
    void lastCallReuseRetracesOnlyForNewTypes() {
        JitFn2 f = Jax.jit((x, y) -> x.mul(y).sum());
        Array a = Jnp.array(new float[] {1, 2, 3});
        Array b = Jnp.array(new float[] {4, 5, 6});
        Array ints = Jnp.array(new int[] {1, 2, 3});
        assertEquals(32f, (float) f.apply(a, b).item());
        assertEquals(32f, (float) f.apply(b, a).item());          // same types: last call reused
        assertEquals(1, f.traceCount());
        Array r = f.apply(ints, ints);                            // new types: traced
        assertEquals(DType.INT32, r.dtype());
        assertEquals(14, r.toIntArray()[0]);
        assertEquals(32f, (float) f.apply(a, b).item());          // back to the first: from the cache
        assertEquals(2, f.traceCount());
        Array weak = f.apply(Jnp.asarray(2.0), Jnp.asarray(3.0)); // weak scalars are their own types
        Array strong = f.apply(Jnp.array(new float[] {2}).reshape(), Jnp.array(new float[] {3}).reshape());
        assertEquals(6f, (float) weak.item());
        assertEquals(6f, (float) strong.item());
        assertTrue(weak.type().weakType());
        assertEquals(false, strong.type().weakType());
        assertEquals(4, f.traceCount());
        assertThrows(IllegalArgumentException.class, () -> f.apply(a, Jnp.array(new float[] {1, 2})));
    }

    @Test
    void basicIndexSlicesAsTheGeneralPath() {
        int[][][] data = new int[4][5][3];
        for (int i = 0; i < 60; i++) data[i / 15][(i / 3) % 5][i % 3] = i;
        Array x = Jnp.array(data);
        // x[1:3, 2:5, :] (NumPy: rows 1-2, columns 2-4, all channels)
        Array s = x.get(Index.slice(1, 3), Index.slice(2, 5), Index.ALL);
        assertArrayEquals(new int[] {2, 3, 3}, s.shape());
        int[] want = new int[18];
        for (int i = 0, n = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int c = 0; c < 3; c++) want[n++] = data[1 + i][2 + j][c];
        assertArrayEquals(want, s.toIntArray());
        assertArrayEquals(x.get("1:3, 2:5, :").toIntArray(), s.toIntArray());
        // negative integers squeeze their axis; clamped and empty slices as NumPy
        Array t = x.get(-1, Index.slice(-2, null), 1);
        assertArrayEquals(new int[] {2}, t.shape());
        assertArrayEquals(new int[] {data[3][3][1], data[3][4][1]}, t.toIntArray());
        assertArrayEquals(new int[] {0, 5, 3}, x.get(Index.slice(3, 1)).shape());
        assertArrayEquals(new int[] {4, 2, 3}, x.get(Index.ALL, Index.slice(3, 99)).shape());
        assertTrue(x.get(Index.ALL) == x, "a trivial index returns the array itself");
        // strided and the errors still take the general path
        assertArrayEquals(new int[] {data[0][0][0], data[2][0][0]}, x.get(Index.slice(null, null, 2), 0, 0).toIntArray());
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(0, 0, 0, 0));
    }
}
