package dev.jaxvm.compile;

import static dev.jaxvm.compile.LoweringsCompiledTest.TYPES;
import static dev.jaxvm.compile.LoweringsCompiledTest.indices;
import static dev.jaxvm.compile.LoweringsCompiledTest.run;
import static dev.jaxvm.compile.LoweringsCompiledTest.special;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.BitcastConvertType;
import dev.jaxvm.lax.Cholesky;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.DotGeneral;
import dev.jaxvm.lax.Pads;
import dev.jaxvm.lax.Qr;
import dev.jaxvm.lax.RandomGamma;
import dev.jaxvm.lax.ReducePrecision;
import dev.jaxvm.lax.ReduceWindowMax;
import dev.jaxvm.lax.ReduceWindowMin;
import dev.jaxvm.lax.ReduceWindowSum;
import dev.jaxvm.lax.SelectAndGatherAdd;
import dev.jaxvm.lax.SelectAndScatterAdd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lowerings of the window, linear-algebra, PRNG, bit-level and non-float contraction primitives,
 * compiled, against their reference evaluation (see {@link LoweringsCompiledTest}).
 */
class WindowAndLinalgCompiledTest {
    @Test
    void windowReductionsAndSelections() {
        Random r = new Random(8);
        Pads pads = Pads.of(new int[][] {{0, 0}, {1, 2}, {0, 1}});
        Ints one = Ints.of(1, 1, 1), dil = Ints.of(1, 2, 1), win = Ints.of(1, 3, 2), str = Ints.of(1, 2, 1);
        for (DType t : TYPES) {
            for (int[] shape : new int[][] {{2, 9, 5}, {1, 8, 3}, {3, 17, 2}}) {
                DenseArray x = special(ArrayType.of(t, shape), r);
                run(new ReduceWindowSum(one, pads, one, win, str), Oracle.random(x.type(), r));
                run(new ReduceWindowMax(dil, pads, one, win, str), x);
                run(new ReduceWindowMin(one, Pads.zeros(3), dil, win, Ints.of(1, 1, 2)), x);
                for (SelectAndScatterAdd.Select sel : SelectAndScatterAdd.Select.values()) {
                    for (Ints w : new Ints[] {Ints.of(1, 2, 2), Ints.of(2, 3, 1), Ints.of(1, 4, 5)}) {   // non-overlapping: fused
                        for (Pads pp : new Pads[] {Pads.zeros(3), pads}) {
                            SelectAndScatterAdd sas = new SelectAndScatterAdd(pp, sel, w, w);
                            ArrayType windows = new ReduceWindowMax(one, pp, one, w, w).abstractEval(List.of(x.type())).getFirst();
                            run(sas, Oracle.random(windows, r), x);
                        }
                    }
                    run(new SelectAndGatherAdd(dil, pads, sel, Ints.of(1, 1, 2), win, str), Oracle.random(x.type(), r), x);
                    SelectAndScatterAdd sas = new SelectAndScatterAdd(pads, sel, win, str);
                    ArrayType windows = new ReduceWindowMax(one, pads, one, win, str).abstractEval(List.of(x.type())).getFirst();
                    run(sas, Oracle.random(windows, r), x);
                    run(new SelectAndGatherAdd(one, pads, sel, one, win, str), Oracle.random(x.type(), r), x);
                }
            }
        }
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32}) {   // windows too large to fuse: the loop kernel
            DenseArray x = special(ArrayType.of(t, 2, 11, 9), r);
            run(new ReduceWindowSum(one, pads, one, Ints.of(1, 5, 4), str), Oracle.random(x.type(), r));
            run(new ReduceWindowMax(dil, pads, one, Ints.of(1, 5, 4), str), x);
        }
        // a 2x2 max pool over NHWC is one fused SIMD loop
        ReduceWindowMax pool = new ReduceWindowMax(Ints.of(1, 1, 1, 1), Pads.zeros(4), Ints.of(1, 1, 1, 1), Ints.of(1, 2, 2, 1),
                Ints.of(1, 2, 2, 1));
        ArrayType img = ArrayType.of(DType.FLOAT32, 2, 64, 64, 8);
        ClosedJaxpr pj = Compiler.oneEquation(pool, List.of(img), pool.abstractEval(List.of(img)));
        Executable pe = Compiler.build(pj, Compiler.Backend.BYTECODE);
        assertEquals(1, pe.program().kernels().size(), pe.asText());
        assertTrue(pe.asText().contains("[bytecode, simd]"), pe.asText());
        run(pool, special(img, r));
        SelectAndScatterAdd poolGrad = new SelectAndScatterAdd(Pads.zeros(4), SelectAndScatterAdd.Select.GE, Ints.of(1, 2, 2, 1),
                Ints.of(1, 2, 2, 1));
        ArrayType pooled = pool.abstractEval(List.of(img)).getFirst();
        ClosedJaxpr gj = Compiler.oneEquation(poolGrad, List.of(pooled, img), List.of(img));
        Executable ge = Compiler.build(gj, Compiler.Backend.BYTECODE);
        assertTrue(ge.asText().contains("[bytecode"), ge.asText());
        run(poolGrad, Oracle.random(pooled, r), special(img, r));
        DenseArray big = special(ArrayType.of(DType.FLOAT32, 4, 130, 130), r);
        run(new ReduceWindowMax(one, pads, one, Ints.of(1, 3, 3), Ints.of(1, 1, 1)), big);
        run(new SelectAndGatherAdd(one, pads, SelectAndScatterAdd.Select.GE, one, Ints.of(1, 3, 3), Ints.of(1, 1, 1)),
                Oracle.random(big.type(), r), big);
    }

    @Test
    void linalgAndGamma() {
        Random r = new Random(9);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] shape : new int[][] {{1, 1}, {3, 3}, {5, 5}, {2, 4, 4}, {0, 3, 3}, {3, 0, 0}, {70, 9, 9}}) {
                // a batch of symmetric positive definite matrices (x x^T + n I); one not positive definite
                int n = shape[shape.length - 1];
                DenseArray x = Oracle.random(ArrayType.of(t, shape), r);
                DenseArray spd = Oracle.random(ArrayType.of(t, shape), r);
                int mats = n == 0 ? 0 : x.size() / (n * n);
                for (int b = 0; b < mats; b++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double v = i == j ? n : 0;
                            for (int k = 0; k < n; k++) v += x.getDouble(b * n * n + i * n + k) * x.getDouble(b * n * n + j * n + k);
                            Storage.setDouble(t, spd.buffer(), b * n * n + i * n + j, b == 1 && i == 0 && j == 0 ? -1 : v);
                        }
                    }
                }
                run(new Cholesky(), spd);
            }
            for (int[] shape : new int[][] {{3, 3}, {5, 2}, {2, 5}, {4, 1, 7}, {0, 2, 2}, {60, 8, 6}}) {
                for (boolean full : new boolean[] {false, true}) run(new Qr(full), Oracle.random(ArrayType.of(t, shape), r));
            }
            for (boolean log : new boolean[] {false, true}) {
                for (int[][] ka : new int[][][] {{{2}, {7}}, {{3, 2}, {3, 5}}, {{2}, {}}, {{2}, {0}}, {{2}, {4099}}}) {
                    DenseArray key = indices(new ArrayType(dev.jaxvm.core.Shape.of(ka[0]), DType.UINT32, false,
                            dev.jaxvm.ExtendedDType.KEY_FRY), 0, Integer.MAX_VALUE - 1, r);   // key<fry> arrays
                    DenseArray a = Oracle.random(ArrayType.of(t, ka[1]), r);
                    for (int i = 0; i < a.size(); i++) Storage.setDouble(t, a.buffer(), i, 0.05 + 4 * r.nextDouble());
                    run(new RandomGamma(log, true), key, a);
                    run(new RandomGamma(log, false), key, a);
                }
            }
        }
    }

    @Test
    void reducePrecision() {
        Random r = new Random(7);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.FLOAT16, DType.BFLOAT16}) {
            for (int[] em : new int[][] {{8, 7}, {5, 10}, {1, 0}, {2, 1}, {4, 3}, {11, 52}, {8, 23}, {3, 30}, {15, 2}}) {
                for (int[] shape : new int[][] {{}, {0}, {7}, {9}, {3, 17}}) {
                    ArrayType x = ArrayType.of(t, shape);
                    run(new ReducePrecision(em[0], em[1]), special(x, r));
                    DenseArray wide = Oracle.random(x, r);
                    for (int i = 0; i < wide.size(); i++) Storage.setDouble(t, wide.buffer(), i, Math.scalb(r.nextGaussian(), r.nextInt(80) - 40));
                    run(new ReducePrecision(em[0], em[1]), wide);
                }
            }
        }
    }

    @Test
    void bitcastsBetweenEveryPairOfWidths() {
        Random r = new Random(10);
        DType[] all = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.UINT32, DType.INT8, DType.UINT8, DType.INT16, DType.UINT16,
                DType.FLOAT16, DType.BFLOAT16, DType.INT64, DType.UINT64};
        int checked = 0;
        for (DType from : all) {
            for (DType to : all) {
                int ratio = Math.max(1, to.bits() / from.bits());
                for (int[] shape : new int[][] {{ratio}, {3, ratio}, {9, ratio}, {0, ratio}}) {
                    ArrayType x = ArrayType.of(from, shape);
                    DenseArray v = special(x, r);
                    run(new BitcastConvertType(to), v);
                    checked++;
                }
            }
        }
        assertTrue(checked == all.length * all.length * 4);
    }

    @Test
    void dotGeneralOfOtherDtypes() {
        Random r = new Random(11);
        DotGeneral mm = new DotGeneral(DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {}), null, null);
        for (DType t : new DType[] {DType.INT32, DType.UINT8, DType.INT16, DType.FLOAT16, DType.BFLOAT16, DType.BOOL, DType.UINT32}) {
            for (int[] mnk : new int[][] {{3, 5, 7}, {8, 9, 1}, {1, 1, 0}, {90, 70, 40}}) {
                run(mm, Oracle.random(ArrayType.of(t, mnk[0], mnk[2]), r), Oracle.random(ArrayType.of(t, mnk[2], mnk[1]), r));
            }
        }
        DotGeneral mixed = new DotGeneral(DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {}), null, DType.INT32);
        run(mixed, Oracle.random(ArrayType.of(DType.INT8, 4, 6), r), Oracle.random(ArrayType.of(DType.INT8, 6, 3), r));
    }
}
