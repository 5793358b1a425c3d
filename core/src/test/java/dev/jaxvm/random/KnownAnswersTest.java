package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Threefry2x32;
import dev.jaxvm.numpy.Jnp;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/** The values JAX publishes in its own tests and docs (shared/reference/prng/KNOWN_ANSWERS.md). */
class KnownAnswersTest {

    private static long[] u32(long... v) { return v; }

    /** A uint32 array (rank 0 for one value) holding the given bit patterns. */
    private static Array u32s(int... bits) {
        int[] shape = bits.length == 1 ? new int[0] : new int[] {bits.length};
        return DenseArray.of(ArrayType.of(DType.UINT32, shape), bits);
    }

    @Test
    void threefryKatVectors() {
        int[][] cases = {
            {0, 0, 0, 0, 0x6B200159, 0x99BA4EFE},
            {-1, -1, -1, -1, 0x1CB996FC, 0xBB002BE7},
            {0x13198A2E, 0x03707344, 0x243F6A88, 0x85A308D3, 0xC4923A9C, 0x483DF7A0},
        };
        int[] out = new int[2];
        for (int[] c : cases) {
            Threefry2x32.block(c[0], c[1], c[2], c[3], out);
            assertArrayEquals(new int[] {c[4], c[5]}, out);
            var y = dev.jaxvm.lax.Lax.threefry2x32(u32s(c[0]), u32s(c[1]), u32s(c[2], c[2]), u32s(c[3], c[3]));
            assertArrayEquals(new int[] {c[4], c[4]}, y.get(0).toIntArray());
            assertArrayEquals(new int[] {c[5], c[5]}, y.get(1).toIntArray());
        }
    }

    @Test
    void largeCountPairsFirstHalfWithSecond() {
        // testThreefry2x32Large: hashing [a]*n + [b]*n gives [y0]*n + [y1]*n (n = 1001 here)
        int n = 1001;
        int[] x0 = new int[n];
        int[] x1 = new int[n];
        java.util.Arrays.fill(x0, 0x243F6A88);
        java.util.Arrays.fill(x1, 0x85A308D3);
        int[] y0 = new int[n];
        int[] y1 = new int[n];
        Threefry2x32.hash(0x13198A2E, 0x03707344, x0, x1, y0, y1, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(0xC4923A9C, y0[i]);
            assertEquals(0x483DF7A0, y1[i]);
        }
    }

    @Test
    void seedsAndKeys() {
        long[][] pyInts = {{0, 0, 0, 0, 0}, {-1, 0, 4294967295L, 4294967295L, 4294967295L},
            {2147483747L, 0, 2147483747L, 0, 2147483747L}, {-2147483748L, 0, 2147483548L, 4294967295L, 2147483548L},
            {(1L << 40) + 3, 0, 3, 256, 3}, {1L << 32, 0, 0, 1, 0}, {(1L << 31) + 5, 0, 2147483653L, 0, 2147483653L}};
        for (long[] c : pyInts) {
            assertArrayEquals(u32(c[1], c[2]), Random.keyData(Random.key(c[0])).toLongArray(), "x64 off seed " + c[0]);
            assertArrayEquals(u32(c[1], c[2]), Random.PRNGKey(c[0]).toLongArray(), "PRNGKey seed " + c[0]);
            Golden.inMode(true, true, () -> {
                assertArrayEquals(u32(c[3], c[4]), Random.keyData(Random.key(c[0])).toLongArray(), "x64 on seed " + c[0]);
                return null;
            });
        }
        // typed seeds: np.int32(1), np.uint32(2), np.int32(-2), np.uint32(2147483748)
        assertArrayEquals(u32(0, 1), Random.keyData(Random.key(Jnp.array(1))).toLongArray());
        assertArrayEquals(u32(0, 2), Random.keyData(Random.key(u32s(2))).toLongArray());
        assertArrayEquals(u32(0, 4294967294L), Random.keyData(Random.key(Jnp.array(-2))).toLongArray());
        assertArrayEquals(u32(0, 2147483748L),
                Random.keyData(Random.key(u32s((int) 2147483748L))).toLongArray());
        Golden.inMode(true, true, () -> {
            // np.int64(-3) with x64: [4294967295, 4294967293]; np.int32(-2) stays [0, 4294967294]
            assertArrayEquals(u32(4294967295L, 4294967293L),
                    Random.keyData(Random.key(Jnp.array(-3L, DType.INT64))).toLongArray());
            assertArrayEquals(u32(0, 4294967294L), Random.keyData(Random.key(Jnp.array(-2, DType.INT32))).toLongArray());
            return null;
        });
    }

    @Test
    void typedKeyReprs() {
        assertEquals("Array((), dtype=key<fry>) overlaying:\n[ 0 32]", Random.key(32).toString());
        assertEquals("Array((), dtype=key<fry>) overlaying:\n[0 0]", Random.key(0).toString());
        assertEquals("Array((2,), dtype=key<fry>) overlaying:\n[[3229528716  751157186]\n [ 496834064 3902263283]]",
                Random.split(Random.key(32)).toString());
        assertEquals("Array((2, 2), dtype=key<fry>) overlaying:\n[[[3229528716  751157186]\n  [ 496834064 3902263283]]\n\n"
                + " [[1400193712 2868768758]\n  [3261499960 2161078586]]]",
                Random.split(Random.key(32), new int[] {2, 2}).toString());
        assertEquals("Array([0, 0], dtype=uint32)", Random.PRNGKey(0).toString());
    }

    @Test
    void legacyTestPRNGValues() {
        Golden.inMode(false, false, () -> {
            KeyArray k0 = Random.key(0);
            assertArrayEquals(new long[] {2, 1, 3, 6, 1, 5, 6, 3, 4}, Random.randint(k0, new int[] {3, 3}, 0, 8).toLongArray());
            assertArrayEquals(new long[] {2285895361L, 1501764800L, 1518642379L, 4090693311L, 433833334L, 4221794875L,
                839183663L, 3740430601L}, Random.keyData(Random.split(k0, 4)).toLongArray());
            assertArrayEquals(u32(2285895361L, 433833334L), Random.keyData(Random.foldIn(k0, 4)).toLongArray());
            KeyArray k = Random.key(1701);
            assertArrayEquals(new long[] {216, 115, 43}, Random.bits(k, new int[] {3}, DType.UINT8).toLongArray());
            assertArrayEquals(new long[] {41682, 1300, 55017}, Random.bits(k, new int[] {3}, DType.UINT16).toLongArray());
            assertArrayEquals(new long[] {56197195, 4200222568L, 961309823}, Random.bits(k, new int[] {3}).toLongArray());
            assertArrayEquals(new long[] {56197195, 4200222568L, 961309823},
                    Random.bits(k, new int[] {3}, DType.UINT64).toLongArray(), "uint64 without x64 is uint32");
            // the 8-, 16- and 32-bit outputs view the same little-endian byte stream
            long[] b8 = Random.bits(k, new int[] {80}, DType.UINT8).toLongArray();
            long[] b32 = Random.bits(k, new int[] {20}).toLongArray();
            for (int i = 0; i < 20; i++) {
                long w = b8[4 * i] | b8[4 * i + 1] << 8 | b8[4 * i + 2] << 16 | b8[4 * i + 3] << 24;
                assertEquals(b32[i], w);
            }
            return null;
        });
        Golden.inMode(false, true, () -> {
            assertArrayEquals(new long[] {7, 2, 6, 2, 1, 0, 6, 7, 7},
                    Random.randint(Random.key(0), new int[] {3, 3}, 0, 8, DType.INT64).toLongArray());
            assertArrayEquals(new long[] {3982329540505020460L, -1624621687794857933L, 7882654074788531506L},
                    Random.bits(Random.key(1701), new int[] {3}, DType.UINT64).toLongArray());
            return null;
        });
    }

    private static KeyArray caseKey(String name) {
        Adler32 a = new Adler32();
        a.update((name + "threefry2x32").getBytes(StandardCharsets.US_ASCII));
        return Random.key(a.getValue());
    }

    private static void assertClose(double[] want, Array got, double tol, String what) {
        double[] g = got.toDoubleArray();
        assertEquals(want.length, g.length, what);
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - g[i]) <= tol * Math.max(1, Math.abs(want[i])), what + "[" + i + "]: " + g[i]);
        }
    }

    @Test
    void legacyRandomValueCases() {
        Golden.inMode(false, false, () -> {
            int[] s5 = {5};
            assertArrayEquals(new long[] {10, 158, 82, 54, 158}, Random.bits(caseKey("bits"), s5, DType.UINT8).toLongArray());
            assertArrayEquals(new long[] {6738, 38161, 50695, 57337, 61600},
                    Random.bits(caseKey("bits"), s5, DType.UINT16).toLongArray());
            assertArrayEquals(new long[] {1978747883, 4134381225L, 3628107870L, 689687174, 2788938207L},
                    Random.bits(caseKey("bits"), s5).toLongArray());
            assertArrayEquals(new boolean[] {false, true, true, true, false},
                    Random.bernoulli(caseKey("bernoulli"), 0.5, s5).toBooleanArray());
            assertClose(new double[] {0.298671, 0.073213, 0.873356, 0.260549, 0.412797},
                    Random.uniform(caseKey("uniform"), s5), 1e-6, "uniform");
            assertClose(new double[] {-1.173234, -1.511662, 0.070593, -0.099764, 1.052845},
                    Random.normal(caseKey("normal"), s5), 1e-6, "normal");
            assertArrayEquals(new long[] {0, 5, 7, 7, 5}, Random.randint(caseKey("randint"), s5, 0, 10).toLongArray());
            assertClose(new double[] {0.526067, 0.043046, 0.039932, 0.46427, 0.123886},
                    Random.exponential(caseKey("exponential"), s5), 1e-6, "exponential");
            assertClose(new double[] {0.582807, 1.709771, 0.159513, 0.861376, 0.36148},
                    Random.truncatedNormal(caseKey("truncated_normal"), 0, 2, s5), 1e-6, "truncated_normal");
            assertClose(new double[] {2.06701, 0.911726, 0.145736, 0.185427, -0.00711},
                    Random.gumbel(caseKey("gumbel"), s5), 1e-5, "gumbel");
            assertClose(new double[] {0.240559, -3.575443, -0.450946, -2.161372, -2.943277},
                    Random.loggamma(caseKey("loggamma"), 0.8, s5), 1e-6, "loggamma");
            assertClose(new double[] {0.824221, 1.724476, 0.502882, 5.386132, 0.685543},
                    Random.gamma(caseKey("gamma"), 0.8, s5), 1e-5, "gamma");
            // test_loggamma_nan_corner_case: the boost draw's uniform is exactly 0
            KeyArray corner = Random.wrapKeyData(DenseArray.of(ArrayType.of(DType.UINT32, 2),
                    new int[] {(int) 3200590325L, 713258242}));
            assertClose(new double[] {-4.595436}, Random.loggamma(corner, 0.0, new int[0]), 1e-6, "loggamma corner");
            return null;
        });
        Golden.inMode(false, true, () -> {
            assertArrayEquals(new long[] {-796778341826711669L, 1415307058040849897L, 8282622628079774249L,
                -4422318960063642214L, 2012979996110532418L}, Random.bits(caseKey("bits"), new int[] {5}).toLongArray());
            return null;
        });
    }

    @Test
    void partitionableProperties() {
        for (long seed : new long[] {72, 0}) {
            KeyArray k = Random.key(seed);
            Array split = Random.keyData(Random.split(k, 5));
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(Random.keyData(Random.foldIn(k, i)).toLongArray(),
                        Random.keyData(Random.wrapKeyData(split).get(i)).toLongArray());
            }
        }
        assertClose(new double[] {0.947667, 0.9785799, 0.33229148}, Random.uniform(Random.key(0), new int[] {3}), 1e-7,
                "9263-typed-keys.md");
        // element i depends only on (key, i): uniform(k, (5,))[0] == uniform(k, (9, 3))[0, 0] == uniform(k, ())
        KeyArray k = Random.key(7);
        float a = Random.uniform(k, new int[] {5}).toFloatArray()[0];
        float b = Random.uniform(k, new int[] {9, 3}).toFloatArray()[0];
        float c = Random.uniform(k).toFloatArray()[0];
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void legacyDocOutputs() {
        Golden.inMode(false, false, () -> {
            Array u = Random.uniform(Random.key(0), new int[] {8, 512});
            assertClose(new double[] {0.9858954, 0.11763906, 0.9955574, 0.775211}, u.get("0, ::128"), 1e-7, "distributed.ipynb");
            Array v = Random.uniform(Random.key(0), new int[] {32, 128});
            assertClose(new double[] {0.9858954, 0.54248166, 0.9547038, 0.954962}, v.get("::8, 0"), 1e-7, "distributed.ipynb");
            Array w = Random.uniform(Random.key(42), new int[] {2, 3}).mul(10f);
            assertClose(new double[] {7.298188, 8.691938, 8.7230015, 2.0818567, 1.8662417, 5.5022564}, w, 1e-7,
                    "initializers.uniform");
            assertClose(new double[] {0.9653214, 0.31468165, 0.63302994}, Random.uniform(Random.key(0), new int[] {3}), 1e-7,
                    "9263-typed-keys.md legacy");
            return null;
        });
    }
}
