package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jnp.array} of Java lists; expected values printed by real JAX 0.10.2. */
class ListArraysTest {
    private static double[] values(Array a) {
        DenseArray d = (DenseArray) a;
        double[] out = new double[d.type().shape().size()];
        for (int i = 0; i < out.length; i++) out[i] = d.getDouble(i);
        return out;
    }

    @Test
    void nestedScalarsPromoteLikeJax() {
        // jnp.array([[1, 2.5], [3, 4]]) -> float32 [[1, 2.5], [3, 4]]
        Array a = Jnp.array(List.of(List.of(1, 2.5), List.of(3, 4)));
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new double[] {1, 2.5, 3, 4}, values(a));
        // jnp.array([True, 2]).dtype -> int32
        assertEquals(DType.INT32, Jnp.array(List.of(true, 2)).dtype());
    }

    @Test
    void arraysAreStacked() {
        // jnp.array([jnp.ones(2, jnp.int32), jnp.zeros(2, jnp.float32)]) -> [[1., 1.], [0., 0.]] float32
        Array a = Jnp.array(List.of(Jnp.ones(new int[] {2}, DType.INT32), Jnp.zeros(new int[] {2}, DType.FLOAT32)));
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new double[] {1, 1, 0, 0}, values(a));
        assertEquals(false, a.weakType());
    }

    @Test
    void raggedListIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Jnp.array(List.of(List.of(1, 2), List.of(3))));
    }
}
