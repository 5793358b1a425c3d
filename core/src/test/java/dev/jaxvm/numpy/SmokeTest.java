package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void promotesUint8TimesInt32ToInt32() {
        Array p = Jnp.array(new int[][] {{1, 2}, {3, 4}}, DType.UINT8);
        Array f = Jnp.array(new int[][] {{0, -1}, {-1, 5}});
        Array y = p.mul(f);
        assertEquals(DType.INT32, y.dtype());
        assertArrayEquals(new int[] {0, -2, -3, 20}, y.toIntArray());
        assertEquals(DType.UINT8, p.add(1).dtype());
        assertEquals(DType.FLOAT32, f.div(f).dtype());
    }

    @Test
    void sumsAndSlices() {
        Array x = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[] {5, 7, 9}, x.sum(0).toFloatArray());
        assertArrayEquals(new float[] {2, 5}, x.get(":, 1").toFloatArray());
        assertEquals("Array([5., 7., 9.], dtype=float32)", x.sum(0).toString());
        assertThrows(IllegalArgumentException.class, () -> x.add(Jnp.ones(5)));
    }

    @Test
    void tracesExecuteKernel() {
        ClosedJaxpr j = StagingInterpreter.trace(a -> List.of(Jnp.stack(IntStream.range(0, 4)
                .mapToObj(k -> a.get(0).get(":, :, " + k).mul(a.get(1)).sum()).toList(), -1)),
                List.of(ArrayType.of(DType.UINT8, 3, 3, 4), ArrayType.of(DType.INT32, 3, 3)));
        String text = j.toString();
        assertEquals(true, text.contains("e:i32[3,3] = convert_element_type[new_dtype=int32 weak_type=False] d"), text);
        assertEquals(true, text.contains("w:i32[4] = stack[axis=0] g l q v"), text);
    }
}
