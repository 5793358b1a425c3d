package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.Lax;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code transpose(dot_general(a, b))} compiles to one product of the swapped operands, with the same bits. */
class GemmFoldTest {
    private static void check(ArrayType lt, ArrayType rt, DotDimensionNumbers dn, int[] perm, boolean folds) {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.transpose(Lax.dotGeneral(xs.get(0), xs.get(1), dn), perm)), lt, rt);
        Random rnd = new Random(3);
        List<DenseArray> args = List.of(Oracle.random(lt, rnd), Oracle.random(rt, rnd));
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        String text = e.asText();
        assertTrue(text.contains("library gemm"), text);
        if (folds) assertFalse(text.contains("[bytecode"), "a transposition kernel is left:\n" + text);
        else assertTrue(text.contains("[bytecode"), text);
        DenseArray want = Oracle.evaluate(j, args).getFirst();
        DenseArray one = e.call(args, 1).getFirst();
        Oracle.assertClose(want, one, 4, 1e-5 * lt.size(), text);
        assertArrayEquals((float[]) one.buffer(), (float[]) e.call(args, 2).getFirst().buffer(), "1 vs 2 threads\n" + text);
        if (folds) {
            // the same fma chains over k whichever operand comes first: the unfolded product's bits, transposed
            ClosedJaxpr plain = Oracle.trace(xs -> List.of(Lax.dotGeneral(xs.get(0), xs.get(1), dn)), lt, rt);
            DenseArray p = Compiler.build(plain, Compiler.Backend.BYTECODE).call(args, 1).getFirst();
            assertArrayEquals((float[]) one.buffer(), (float[]) Oracle.evaluate(
                    Oracle.trace(xs -> List.of(Lax.transpose(xs.get(0), perm)), p.type()), List.of(p)).getFirst().buffer(), text);
        }
    }

    private static ArrayType f32(int... dims) { return ArrayType.of(DType.FLOAT32, dims); }

    @Test
    void weightGradientShapesFold() {
        // x^T dh as JAX's transpose rule writes it: dot_general(dh, x, contracting 0/0) then transpose (1, 0)
        check(f32(40, 37), f32(40, 300), DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[] {}, new int[] {}),
                new int[] {1, 0}, true);
        check(f32(33, 270), f32(270, 17), DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {}),
                new int[] {1, 0}, true);
        // batched: [b, m, k] x [b, n, k] -> [b, m, n] -> [b, n, m]
        check(f32(3, 9, 20), f32(3, 14, 20), DotDimensionNumbers.of(new int[] {2}, new int[] {2}, new int[] {0}, new int[] {0}),
                new int[] {0, 2, 1}, true);
    }

    /** A program whose products write into (and read) arrays recycled from the previous call. */
    @Test
    void recycledProductBuffersGiveFreshResults() {
        DotDimensionNumbers mm = DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {});
        for (int k : new int[] {70, 0}) {
            ArrayType at = f32(30, k), bt = f32(k, 40), ct = f32(40, 20);
            ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.dotGeneral(Lax.tanh(Lax.dotGeneral(xs.get(0), xs.get(1), mm)),
                    xs.get(2), mm)), at, bt, ct);
            Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
            Random rnd = new Random(k);
            for (int call = 0; call < 3; call++) {
                List<DenseArray> args = List.of(Oracle.random(at, rnd), Oracle.random(bt, rnd), Oracle.random(ct, rnd));
                Oracle.assertClose(Oracle.evaluate(j, args).getFirst(), e.call(args).getFirst(), 8, 1e-4,
                        "call " + call + " k=" + k + "\n" + e.asText());
            }
        }
    }

    @Test
    void otherPermutationsStayTranspositions() {
        // moving the batch dimension is not a swap of the free groups
        check(f32(3, 9, 20), f32(3, 20, 14), DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0}),
                new int[] {1, 0, 2}, false);
    }
}
