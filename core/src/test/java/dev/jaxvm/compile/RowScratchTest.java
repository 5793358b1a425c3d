package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Row groups with per-thread chunk buffers ({@link RowScratch}) and the keyed float32 max/min
 * reductions ({@link VectorReduce}): same bits as the plain-loops backend, for any thread count.
 */
class RowScratchTest {
    private static ClosedJaxpr softmax(int rows, int cols) {
        return Oracle.trace(xs -> {
            int[] shape = {rows, cols};
            Array m = Lax.broadcastInDim(Lax.reduceMax(xs.get(0), 1), shape, 0);
            Array e = Lax.exp(Lax.sub(xs.get(0), m));
            return List.of(Lax.div(e, Lax.broadcastInDim(Lax.reduceSum(e, 1), shape, 0)));
        }, ArrayType.of(DType.FLOAT32, rows, cols));
    }

    private static float[] floats(DenseArray d) { return (float[]) d.buffer(); }

    @Test
    void softmaxKeepsItsExponentialsInChunkBuffers() {
        for (int[] size : new int[][] {{200, 300}, {130, 1031}, {96, 2048}}) {
            ClosedJaxpr j = softmax(size[0], size[1]);
            DenseArray x = Oracle.random(ArrayType.of(DType.FLOAT32, size[0], size[1]), new Random(size[1]));
            DenseArray plain = Compiler.build(j, Compiler.Backend.REFERENCE).call(List.of(x)).getFirst();
            for (Compiler.Backend backend : List.of(Compiler.Backend.BYTECODE, Compiler.Backend.SCALAR_BYTECODE)) {
                check(Compiler.build(j, backend), x, plain, size[0] + "x" + size[1] + " " + backend);
            }
        }
    }

    /** No full-size intermediate; the same bits on 1, 2 and 3 threads and on a second call; close to the plain loops. */
    private static void check(Executable compiled, DenseArray x, DenseArray plain, String what) {
        String text = compiled.asText();
        int rows = x.type().shape().dim(0), cols = x.type().shape().dim(1);
        assertTrue(!text.contains("map b2:f32[" + rows + "," + cols + "]") && text.contains("dyn("), what + "\n" + text);
        float[] want = floats(compiled.call(List.of(x), 1).getFirst());
        for (int threads = 1; threads <= 3; threads++) {
            for (int call = 0; call < 2; call++) {   // the second call reuses buffers
                assertArrayEquals(want, floats(compiled.call(List.of(x), threads).getFirst()), what + " on " + threads + " threads");
            }
        }
        Oracle.assertClose(plain, compiled.call(List.of(x)).getFirst(), 4, what + " against the plain loops");
    }

    @Test
    void maxAndMinReductionsFollowJavaRulesForNanAndSignedZero() {
        int rows = 6, cols = 37;
        float[] a = new float[rows * cols];
        Random r = new Random(3);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 200 - 100;
        a[0 * cols + 30] = Float.NaN;                                     // a NaN late in a row
        a[1 * cols + 2] = Float.intBitsToFloat(0xffc00001);               // a negative NaN
        for (int c = 0; c < cols; c++) a[2 * cols + c] = c % 2 == 0 ? -0f : 0f;   // signed zeros
        for (int c = 0; c < cols; c++) a[3 * cols + c] = -0f;
        a[4 * cols + 5] = Float.POSITIVE_INFINITY;
        a[4 * cols + 9] = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) a[5 * cols + c] = Float.NEGATIVE_INFINITY;
        DenseArray x = DenseArray.wrap(ArrayType.of(DType.FLOAT32, rows, cols), a);
        for (boolean max : new boolean[] {true, false}) {
            ClosedJaxpr j = Oracle.trace(xs -> List.of(max ? Lax.reduceMax(xs.get(0), 1) : Lax.reduceMin(xs.get(0), 1)),
                    x.type());
            float[] got = floats(Compiler.build(j, Compiler.Backend.BYTECODE).call(List.of(x)).getFirst());
            for (int row = 0; row < rows; row++) {
                float want = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                for (int c = 0; c < cols; c++) want = max ? Math.max(want, a[row * cols + c]) : Math.min(want, a[row * cols + c]);
                assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got[row]), (max ? "max" : "min") + " of row " + row);
            }
        }
    }
}
