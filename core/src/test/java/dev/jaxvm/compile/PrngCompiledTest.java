package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.random.KeyArray;
import dev.jaxvm.random.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled sampling (threefry2x32 as the {@code ThreefryKernel} library kernel, the bits-to-float
 * tail fused into one loop with a lowered bitcast) gives the eager numbers bit for bit, on 1 and 2
 * threads, in both of JAX's threefry modes.
 */
class PrngCompiledTest {
    private static final int N = 100_000;

    @Test
    void compiledSamplingEqualsEagerOnOneAndTwoThreads() {
        boolean saved = Jax.config().threefryPartitionable();
        try {
            for (boolean partitionable : new boolean[] {true, false}) {
                Jax.config().threefryPartitionable(partitionable);
                ClosedJaxpr j = Oracle.trace(xs -> {
                    KeyArray k = Random.wrapKeyData(xs.getFirst());
                    return List.of(Random.bits(k, new int[] {N}), Random.uniform(k, new int[] {N}),
                            Random.normal(k, new int[] {N}));
                }, ArrayType.of(DType.UINT32, 2));
                Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
                String text = e.asText();
                assertTrue(text.contains("library threefry2x32"), text);
                assertFalse(text.contains("no lowering"), text);
                for (long seed : new long[] {0, 42, -7}) {
                    KeyArray key = Random.key(seed);
                    int[] bits = Random.bits(key, new int[] {N}).toIntArray();
                    float[] uniform = Random.uniform(key, new int[] {N}).toFloatArray();
                    float[] normal = Random.normal(key, new int[] {N}).toFloatArray();
                    List<DenseArray> args = List.of((DenseArray) Random.keyData(key));
                    for (int threads : new int[] {1, 2}) {
                        List<DenseArray> out = e.call(args, threads);
                        String where = "seed " + seed + ", partitionable " + partitionable + ", " + threads + " threads";
                        assertArrayEquals(bits, (int[]) out.get(0).buffer(), "bits, " + where);
                        assertArrayEquals(floatBits(uniform), floatBits((float[]) out.get(1).buffer()), "uniform, " + where);
                        assertArrayEquals(floatBits(normal), floatBits((float[]) out.get(2).buffer()), "normal, " + where);
                    }
                }
            }
        } finally {
            Jax.config().threefryPartitionable(saved);
        }
    }

    @Test
    void uniformIsOneLibraryKernelAndOneFusedLoop() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Random.uniform(Random.wrapKeyData(xs.getFirst()), new int[] {N})),
                ArrayType.of(DType.UINT32, 2));
        String text = Compiler.build(j, Compiler.Backend.BYTECODE).asText();
        assertEquals(1, text.split("bitcast\\[f32\\]", -1).length - 1, text);
        assertTrue(text.contains("bitcast[f32](or(shift_right_logical(xor("), text);
    }

    @Test
    void bitcastRoundTripsCompiledAsEvaluated() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 6);
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array i = dev.jaxvm.lax.Lax.bitcastConvertType(xs.getFirst(), DType.INT32);
            Array u = dev.jaxvm.lax.Lax.bitcastConvertType(xs.getFirst(), DType.UINT32);
            return List.of(i, u, dev.jaxvm.lax.Lax.bitcastConvertType(u, DType.FLOAT32));
        }, t);
        DenseArray x = DenseArray.wrap(t, new float[] {0f, -0f, 1.5f, -3.25f, Float.NaN, Float.MIN_VALUE});
        for (Compiler.Backend b : Compiler.Backend.values()) {
            List<DenseArray> got = Compiler.build(j, b).call(List.of(x));
            List<DenseArray> want = Oracle.evaluate(j, List.of(x));
            for (int k = 0; k < 3; k++) Oracle.assertClose(want.get(k), got.get(k), 0, b + " output " + k);
        }
        assertEquals(0xC0500000, ((int[]) Compiler.build(j, Compiler.Backend.BYTECODE).call(List.of(x)).get(0).buffer())[3]);
    }

    private static int[] floatBits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }
}
