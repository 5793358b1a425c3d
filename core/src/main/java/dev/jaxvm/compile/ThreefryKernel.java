package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * The {@code threefry2x32} library kernel: the Threefry-2x32 block function (Random123, 20 rounds)
 * over uint32 key and counter words, each operand either full-size or a single broadcast word.
 * The counters are split over the cores of the shared pool; each element is hashed by the same code
 * on exactly one thread, so the output does not depend on the thread count. The inner loops are
 * plain int arithmetic over arrays, which C2 vectorises (AVX2: 8 lanes).
 *
 * {@snippet :
 * LibraryKernel k = new ThreefryKernel();
 * List<DenseArray> y = k.run(List.of(k0, k1, x0, x1), List.of(t, t));   // (y0, y1)
 * }
 */
public record ThreefryKernel() implements LibraryKernel {
    private static final int PARITY = 0x1BD11BDA;
    /** Integer operations per element: 20 rounds of add, rotate (2 shifts + or), xor, plus key injections. */
    private static final long WORK = 120;

    /** Whether operands of these types run here: uint32, each of the output's size or of size 1. */
    public static boolean supports(List<ArrayType> in, ArrayType out) {
        for (ArrayType t : in) {
            if (t.dtype() != DType.UINT32 || (t.size() != out.size() && t.size() != 1)) return false;
        }
        return true;
    }

    @Override
    public String describe() { return "threefry2x32"; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        ArrayType t = out.getFirst();
        int n = t.size();
        int[] k0 = (int[]) in.get(0).buffer(), k1 = (int[]) in.get(1).buffer();
        int[] x0 = (int[]) in.get(2).buffer(), x1 = (int[]) in.get(3).buffer();
        int[] y0 = new int[n], y1 = new int[n];
        boolean scalarKey = k0.length == 1 && k1.length == 1;
        Parallel.forRange(n, WORK, threads, (lo, hi) -> {
            if (!scalarKey || (x0.length == 1 && x1.length == 1)) {
                hashEach(k0, k1, x0, x1, y0, y1, lo, hi);
            } else if (x0.length == 1) {
                hashHigh(k0[0], k1[0], x0[0], x1, y0, y1, lo, hi);
            } else if (x1.length == 1) {
                hashEach(k0, k1, x0, x1, y0, y1, lo, hi);
            } else {
                hash(k0[0], k1[0], x0, x1, y0, y1, lo, hi);
            }
        });
        return List.of(DenseArray.wrap(t, y0), DenseArray.wrap(t, y1));
    }

    /** One block: {@code y0 | y1 << 32} for key {@code (k0, k1)} and counter {@code (x0, x1)}. */
    static long block(int k0, int k1, int x0, int x1) {
        int[] a = {x0}, b = {x1};
        hash(k0, k1, a, b, a, b, 0, 1);
        return (a[0] & 0xFFFFFFFFL) | (long) b[0] << 32;
    }

    /**
     * Hashes counters {@code (x0[i], x1[i])} for {@code i} in {@code [from, to)} under one key into
     * {@code y0[i], y1[i]}: the hot loop of every sampler.
     */
    public static void hash(int k0, int k1, int[] x0, int[] x1, int[] y0, int[] y1, int from, int to) {
        int k2 = k0 ^ k1 ^ PARITY;
        for (int i = from; i < to; i++) {
            int a = x0[i] + k0;
            int b = x1[i] + k1;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k1; b += k2 + 1;
            a += b; b = Integer.rotateLeft(b, 17) ^ a;
            a += b; b = Integer.rotateLeft(b, 29) ^ a;
            a += b; b = Integer.rotateLeft(b, 16) ^ a;
            a += b; b = Integer.rotateLeft(b, 24) ^ a;
            a += k2; b += k0 + 2;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k0; b += k1 + 3;
            a += b; b = Integer.rotateLeft(b, 17) ^ a;
            a += b; b = Integer.rotateLeft(b, 29) ^ a;
            a += b; b = Integer.rotateLeft(b, 16) ^ a;
            a += b; b = Integer.rotateLeft(b, 24) ^ a;
            a += k1; b += k2 + 4;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k2; b += k0 + 5;
            y0[i] = a;
            y1[i] = b;
        }
    }

    /** {@link #hash} with one high counter word {@code x0} for all elements (JAX's partitionable mode). */
    static void hashHigh(int k0, int k1, int x0, int[] x1, int[] y0, int[] y1, int from, int to) {
        int k2 = k0 ^ k1 ^ PARITY;
        for (int i = from; i < to; i++) {
            int a = x0 + k0;
            int b = x1[i] + k1;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k1; b += k2 + 1;
            a += b; b = Integer.rotateLeft(b, 17) ^ a;
            a += b; b = Integer.rotateLeft(b, 29) ^ a;
            a += b; b = Integer.rotateLeft(b, 16) ^ a;
            a += b; b = Integer.rotateLeft(b, 24) ^ a;
            a += k2; b += k0 + 2;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k0; b += k1 + 3;
            a += b; b = Integer.rotateLeft(b, 17) ^ a;
            a += b; b = Integer.rotateLeft(b, 29) ^ a;
            a += b; b = Integer.rotateLeft(b, 16) ^ a;
            a += b; b = Integer.rotateLeft(b, 24) ^ a;
            a += k1; b += k2 + 4;
            a += b; b = Integer.rotateLeft(b, 13) ^ a;
            a += b; b = Integer.rotateLeft(b, 15) ^ a;
            a += b; b = Integer.rotateLeft(b, 26) ^ a;
            a += b; b = Integer.rotateLeft(b, 6) ^ a;
            a += k2; b += k0 + 5;
            y0[i] = a;
            y1[i] = b;
        }
    }

    /** {@link #hash} with every word either full-size or one broadcast word (a key per element). */
    public static void hashEach(int[] k0, int[] k1, int[] x0, int[] x1, int[] y0, int[] y1, int from, int to) {
        int[] one = new int[1], two = new int[1];
        for (int i = from; i < to; i++) {
            one[0] = x0[x0.length == 1 ? 0 : i];
            two[0] = x1[x1.length == 1 ? 0 : i];
            hash(k0[k0.length == 1 ? 0 : i], k1[k1.length == 1 ? 0 : i], one, two, one, two, 0, 1);
            y0[i] = one[0];
            y1[i] = two[0];
        }
    }
}
