package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix-product library kernel against a direct triple loop in double, on odd sizes, layouts and batches. */
class GemmTest {
    /** out[b, i, j] = sum_p lhs[b, i, p] * rhs[b, p, j], read through the given axis orders. */
    private static DenseArray reference(DenseArray l, DenseArray r, Gemm g, ArrayType out) {
        Object dst = Storage.allocate(out.dtype(), out.size());
        int[] ls = permutedStrides(l, g.lhsOrder()), rs = permutedStrides(r, g.rhsOrder());
        for (int b = 0; b < g.batch(); b++) {
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    double s = 0;
                    for (int p = 0; p < g.k(); p++) s += l.getDouble(flat(ls, b, i, p)) * r.getDouble(flat(rs, b, p, j));
                    Storage.setDouble(out.dtype(), dst, (b * g.m() + i) * g.n() + j, s);
                }
            }
        }
        return DenseArray.wrap(out, dst);
    }

    /** Strides of the (batch, first, second) views, for operands whose grouped dims are single axes here. */
    private static int[] permutedStrides(DenseArray x, Ints order) {
        int[] st = x.type().shape().strides();
        int r = order.size();
        int[] out = new int[3];
        for (int i = 0; i < r; i++) out[3 - r + i] = st[order.get(i)];
        return out;
    }

    private static int flat(int[] s, int b, int i, int j) { return b * s[0] + i * s[1] + j * s[2]; }

    private static void check(DType t, int[] ls, int[] rs, Ints lc, Ints rc, Ints lb, Ints rb, int[] os) {
        Random rnd = new Random(ls.length * 31 + os[0]);
        DenseArray l = Oracle.random(ArrayType.of(t, ls), rnd), r = Oracle.random(ArrayType.of(t, rs), rnd);
        Gemm g = Gemm.dotGeneral(l.type(), r.type(), lc, rc, lb, rb);
        ArrayType out = ArrayType.of(t, os);
        DenseArray got = g.run(List.of(l, r), List.of(out)).getFirst();
        DenseArray want = reference(l, r, g, out);
        double eps = t == DType.FLOAT32 ? 1e-6 : 1e-14;
        Oracle.assertClose(want, got, 4, eps * 9 * g.k(), g.describe() + " " + t);
    }

    @Test
    void matmulsOfOddSizes() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] mnk : new int[][] {{1, 1, 1}, {3, 5, 7}, {4, 16, 9}, {9, 33, 17}, {17, 40, 64}, {0, 3, 2}, {2, 3, 0}}) {
                int m = mnk[0], n = mnk[1], k = mnk[2];
                check(t, new int[] {m, k}, new int[] {k, n}, Ints.of(1), Ints.of(0), Ints.EMPTY, Ints.EMPTY, new int[] {m, n});
            }
        }
    }

    @Test
    void transposedAndBatchedLayouts() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            // lhs^T rhs^T: contract lhs axis 0 with rhs axis 1
            check(t, new int[] {7, 5}, new int[] {18, 7}, Ints.of(0), Ints.of(1), Ints.EMPTY, Ints.EMPTY, new int[] {5, 18});
            // batched: [b, m, k] x [b, k, n]
            check(t, new int[] {3, 6, 4}, new int[] {3, 4, 19}, Ints.of(2), Ints.of(1), Ints.of(0), Ints.of(0), new int[] {3, 6, 19});
        }
    }

    /** out[b, i, j] = fma chain over p in order, in float32: what every blocking and thread count must give, bit for bit. */
    private static float[] fmaChain(DenseArray l, DenseArray r, Gemm g) {
        int[] ls = permutedStrides(l, g.lhsOrder()), rs = permutedStrides(r, g.rhsOrder());
        float[] a = (float[]) l.buffer(), b = (float[]) r.buffer(), out = new float[g.batch() * g.m() * g.n()];
        for (int bi = 0; bi < g.batch(); bi++) {
            for (int i = 0; i < g.m(); i++) {
                for (int j = 0; j < g.n(); j++) {
                    float s = 0;
                    for (int p = 0; p < g.k(); p++) s = Math.fma(a[flat(ls, bi, i, p)], b[flat(rs, bi, p, j)], s);
                    out[(bi * g.m() + i) * g.n() + j] = s;
                }
            }
        }
        return out;
    }

    /** Sizes past the k block (256), the row block and the tile edges, all four transposition cases and a batch. */
    @Test
    void blockedProductsAreFmaChainsBitForBitOnAnyThreadCount() {
        Random rnd = new Random(7);
        int[][] cases = {{300, 70, 600}, {13, 45, 257}, {1, 100, 3}, {250, 1, 40}, {37, 33, 513}};
        for (int[] mnk : cases) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0, tb = (variant & 2) != 0;
                ArrayType lt = ArrayType.of(DType.FLOAT32, ta ? new int[] {k, m} : new int[] {m, k});
                ArrayType rt = ArrayType.of(DType.FLOAT32, tb ? new int[] {n, k} : new int[] {k, n});
                DenseArray l = Oracle.random(lt, rnd), r = Oracle.random(rt, rnd);
                Gemm g = Gemm.dotGeneral(lt, rt, Ints.of(ta ? 0 : 1), Ints.of(tb ? 1 : 0), Ints.EMPTY, Ints.EMPTY);
                ArrayType out = ArrayType.of(DType.FLOAT32, m, n);
                float[] want = fmaChain(l, r, g);
                for (int threads : new int[] {1, 2, 3}) {
                    float[] got = (float[]) g.run(List.of(l, r), List.of(out), threads).getFirst().buffer();
                    org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, g.describe() + " ta=" + ta + " tb=" + tb
                            + " threads=" + threads);
                }
            }
        }
        ArrayType lt = ArrayType.of(DType.FLOAT32, 3, 40, 300), rt = ArrayType.of(DType.FLOAT32, 3, 50, 300);
        DenseArray l = Oracle.random(lt, rnd), r = Oracle.random(rt, rnd);
        Gemm g = Gemm.dotGeneral(lt, rt, Ints.of(2), Ints.of(2), Ints.of(0), Ints.of(0));
        float[] want = fmaChain(l, r, g);
        for (int threads : new int[] {1, 2}) {
            float[] got = (float[]) g.run(List.of(l, r), List.of(ArrayType.of(DType.FLOAT32, 3, 40, 50)), threads).getFirst().buffer();
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, "batched, threads=" + threads);
        }
    }

    @Test
    void describesItself() {
        Gemm g = Gemm.dotGeneral(ArrayType.of(DType.FLOAT32, 2, 3), ArrayType.of(DType.FLOAT32, 3, 4),
                Ints.of(1), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
        assertEquals("gemm[batch=1 m=2 n=4 k=3]", g.describe());
    }
}
