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
 * Compiled sampling (threefry2x32 as a lane operation fused with its counters and the bits-to-float
 * tail into one SIMD loop; the {@code ThreefryKernel} library kernel where both words are materialised)
 * gives the eager numbers bit for bit, on 1 and 2 threads, in both of JAX's threefry modes.
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
                assertTrue(text.contains("threefry2x32[0]("), text);
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

    /** The threefry rounds written out into the kernel (opt-in, {@code -Djaxvm.threefry_inline=true}) give the same bits. */
    @Test
    void writtenOutRoundsEqualEager() {
        int n = 10_007;   // an odd size: the scalar tail runs too
        String saved = System.getProperty("jaxvm.threefry_inline");
        System.setProperty("jaxvm.threefry_inline", "true");
        try {
            ClosedJaxpr j = Oracle.trace(xs -> {
                KeyArray k = Random.wrapKeyData(xs.getFirst());
                return List.of(Random.bits(k, new int[] {n}), Random.uniform(k, new int[] {n}));
            }, ArrayType.of(DType.UINT32, 2));
            Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
            KeyArray key = Random.key(1234);
            List<DenseArray> out = e.call(List.of((DenseArray) Random.keyData(key)), 2);
            assertArrayEquals(Random.bits(key, new int[] {n}).toIntArray(), (int[]) out.get(0).buffer());
            assertArrayEquals(floatBits(Random.uniform(key, new int[] {n}).toFloatArray()), floatBits((float[]) out.get(1).buffer()));
        } finally {
            if (saved == null) System.clearProperty("jaxvm.threefry_inline");
            else System.setProperty("jaxvm.threefry_inline", saved);
        }
    }

    @Test
    void uniformIsOneFusedSimdLoop() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Random.uniform(Random.wrapKeyData(xs.getFirst()), new int[] {N})),
                ArrayType.of(DType.UINT32, 2));
        String text = Compiler.build(j, Compiler.Backend.BYTECODE).asText();
        assertEquals(1, text.split("\\n k|\\nk", -1).length - 1, text);
        assertEquals(VectorEmitter.AVAILABLE, text.contains("[bytecode, simd]"), text);
        assertTrue(text.contains("bitcast[f32](or(shift_right_logical(xor(threefry2x32[0](b0[0], b0[1], 0:u32, index[u32](i0)), "
                + "threefry2x32[1](b0[0], b0[1], 0:u32, index[u32](i0))), 9:u32), 1065353216:u32))"), text);
    }

    /** normal: the hash and the uniform tail in one loop, erf_inv in a second, run together chunk by chunk. */
    @Test
    void normalSplitsTheHashFromErfInv() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Random.normal(Random.wrapKeyData(xs.getFirst()), new int[] {N})),
                ArrayType.of(DType.UINT32, 2));
        String text = Compiler.build(j, Compiler.Backend.BYTECODE).asText();
        assertTrue(text.contains("rows " + N + " with k0-k1"), text);
        assertTrue(text.contains("= mul(1.4142135381698608:f32, erf_inv(b1[i0]))"), text);
    }

    /** Keys and counters of every element (full-size words), both words used apart: all backends, 1 and 2 threads. */
    @Test
    void fusedThreefryEqualsTheLibraryKernelOnEveryBackend() {
        int n = 1000 + 3;
        ArrayType t = ArrayType.of(DType.UINT32, n);
        ClosedJaxpr j = Oracle.trace(xs -> {
            List<Array> y = dev.jaxvm.lax.Lax.threefry2x32(xs.get(0), xs.get(1), xs.get(2), xs.get(3));
            Array sum = dev.jaxvm.lax.Lax.add(y.get(0), dev.jaxvm.lax.Lax.shiftRightLogical(y.get(1),
                    DenseArray.scalarLong(DType.UINT32, false, 3)));
            return List.of(sum, dev.jaxvm.lax.Lax.bitwiseXor(y.get(0), y.get(1)));
        }, t, t, t, t);
        java.util.Random r = new java.util.Random(5);
        List<DenseArray> args = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int[] w = new int[n];
            for (int i = 0; i < n; i++) w[i] = r.nextInt();
            args.add(DenseArray.wrap(t, w));
        }
        int[] y0 = new int[n], y1 = new int[n];
        ThreefryKernel.hashEach((int[]) args.get(0).buffer(), (int[]) args.get(1).buffer(), (int[]) args.get(2).buffer(),
                (int[]) args.get(3).buffer(), y0, y1, 0, n);
        int[] sum = new int[n], xor = new int[n];
        for (int i = 0; i < n; i++) {
            sum[i] = y0[i] + (y1[i] >>> 3);
            xor[i] = y0[i] ^ y1[i];
        }
        for (Compiler.Backend b : Compiler.Backend.values()) {
            Executable e = Compiler.build(j, b);
            assertTrue(e.asText().contains("threefry2x32[1]("), e.asText());
            for (int threads : new int[] {1, 2}) {
                List<DenseArray> out = e.call(args, threads);
                assertArrayEquals(sum, (int[]) out.get(0).buffer(), b + ", " + threads + " threads\n" + e.asText());
                assertArrayEquals(xor, (int[]) out.get(1).buffer(), b + ", " + threads + " threads");
            }
        }
    }

    /** An eager threefry2x32 materialises both words: the library kernel, one pass. */
    @Test
    void eagerThreefryRunsTheLibraryKernel() {
        ArrayType t = ArrayType.of(DType.UINT32, 5);
        ClosedJaxpr j = Compiler.oneEquation(new dev.jaxvm.lax.Threefry2x32(), List.of(ArrayType.of(DType.UINT32),
                ArrayType.of(DType.UINT32), t, t), List.of(t, t));
        assertTrue(Compiler.build(j, Compiler.Backend.BYTECODE).asText().contains("library threefry2x32"));
        List<Array> y = dev.jaxvm.lax.Lax.threefry2x32(DenseArray.scalarLong(DType.UINT32, false, 0),
                DenseArray.scalarLong(DType.UINT32, false, 0), DenseArray.wrap(t, new int[5]), DenseArray.wrap(t, new int[5]));
        assertEquals(0x6B200159, y.get(0).toIntArray()[0]);
        assertEquals(0x99BA4EFE, y.get(1).toIntArray()[0]);
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
