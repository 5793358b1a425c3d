package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Stacked full reductions (the per-pixel {@code executeKernel}) compile to one kernel with the same values. */
class StackedReductionsTest {
    /** {@code stack([reduce(P[:, :, c] * F) for c], axis)}: the classic introduction's per-pixel kernel. */
    private static Function<List<Array>, List<? extends Array>> perPixel(DType to, int axis, boolean max) {
        return xs -> {
            Array p = xs.get(0), f = xs.get(1);
            int k = p.shape()[0], c = p.shape()[2];
            List<Array> parts = new ArrayList<>();
            for (int ch = 0; ch < c; ch++) {
                Array s = Lax.squeeze(Lax.slice(p, new int[] {0, 0, ch}, new int[] {k, k, ch + 1}, null), 2);
                Array prod = Lax.mul(Lax.convertElementType(s, to), f);
                parts.add(max ? Lax.reduceMax(prod, 0, 1) : Lax.reduceSum(prod, 0, 1));
            }
            return List.of(Lax.stack(parts, axis));
        };
    }

    private static void check(ClosedJaxpr j, int kernels, String what) {
        Random r = new Random(7);
        List<DenseArray> args = new ArrayList<>();
        for (var v : j.jaxpr().invars()) args.add(Oracle.random(v.type(), r));
        for (Compiler.Backend b : List.of(Compiler.Backend.BYTECODE, Compiler.Backend.SCALAR_BYTECODE, Compiler.Backend.REFERENCE)) {
            Executable e = Compiler.build(j, b);
            assertEquals(kernels, e.program().kernels().size(), what + " " + b + ":\n" + e.asText());
            Oracle.assertClose(Oracle.evaluate(j, args).getFirst(), e.call(args).getFirst(), 0, what + " " + b);
        }
    }

    @Test
    void perPixelKernelIsOneReduction() {
        ClosedJaxpr j = Oracle.trace(perPixel(DType.INT32, 0, false), ArrayType.of(DType.UINT8, 3, 3, 4),
                ArrayType.of(DType.INT32, 3, 3));
        assertEquals("""
                program(b0:u8[3,3,4], b1:i32[3,3]) -> (b6)
                k0 [bytecode]: reduce_add b6:i32[4] over [9]
                  for i0 < 4: b6[i0] add= for i1 < 9: mul(convert[i32](b0[i0 + i1*4]), b1[i1])""",
                Compiler.build(j, Compiler.Backend.SCALAR_BYTECODE).asText());
        check(j, 1, "int32 3x3x4");
        check(Oracle.trace(perPixel(DType.FLOAT32, 0, false), ArrayType.of(DType.UINT8, 7, 7, 4),
                ArrayType.of(DType.FLOAT32, 7, 7)), 1, "float32 7x7x4");
        check(Oracle.trace(perPixel(DType.FLOAT32, 0, true), ArrayType.of(DType.UINT8, 5, 5, 3),
                ArrayType.of(DType.FLOAT32, 5, 5)), 1, "max 5x5x3");
    }

    @Test
    void differentBodiesOrSharedResultsStaySeparate() {
        ArrayType v = ArrayType.of(DType.FLOAT32, 6);
        // sin and cos: not the same expression up to offsets
        check(Oracle.trace(xs -> List.of(Lax.stack(List.of(Lax.reduceSum(Lax.sin(xs.get(0)), 0),
                Lax.reduceSum(Lax.cos(xs.get(0)), 0)), 0)), v), 3, "sin/cos");
        // a reduction also used elsewhere keeps its kernel
        ClosedJaxpr shared = Oracle.trace(xs -> {
            Array a = Lax.reduceSum(xs.get(0), 0), b = Lax.reduceSum(xs.get(1), 0);
            return List.of(Lax.stack(List.of(a, b), 0), Lax.mul(a, a));
        }, v, v);
        Executable e = Compiler.build(shared, Compiler.Backend.BYTECODE);
        assertTrue(e.program().kernels().size() >= 3, e.asText());
        Random r = new Random(3);
        List<DenseArray> args = List.of(Oracle.random(v, r), Oracle.random(v, r));
        List<DenseArray> want = Oracle.evaluate(shared, args), got = e.call(args);
        for (int i = 0; i < 2; i++) Oracle.assertClose(want.get(i), got.get(i), 0, "shared " + i);
        // reductions longer than one block keep their blockwise (parallel) kernels
        ArrayType big = ArrayType.of(DType.FLOAT32, 2, BytecodeBackend.BLOCK + 1);
        check(Oracle.trace(xs -> List.of(Lax.stack(List.of(
                Lax.reduceSum(Lax.squeeze(Lax.slice(xs.get(0), new int[] {0, 0}, new int[] {1, BytecodeBackend.BLOCK + 1}, null), 0), 0),
                Lax.reduceSum(Lax.squeeze(Lax.slice(xs.get(0), new int[] {1, 0}, new int[] {2, BytecodeBackend.BLOCK + 1}, null), 0), 0)),
                0)), big), 3, "two long rows");
        // different buffers with offsets in arithmetic progression are not the same buffer
        check(Oracle.trace(xs -> List.of(Lax.stack(List.of(Lax.reduceSum(xs.get(0), 0), Lax.reduceSum(xs.get(1), 0)), 0)),
                v, v), 3, "two inputs");
    }

    @Test
    void stridedProgressionsMerge() {
        // rows 0, 2, 4 of a matrix summed: offsets 0, 2*5, 4*5 are an arithmetic progression
        ClosedJaxpr j = Oracle.trace(xs -> {
            List<Array> parts = new ArrayList<>();
            for (int row = 0; row < 6; row += 2) {
                parts.add(Lax.reduceSum(Lax.squeeze(Lax.slice(xs.get(0), new int[] {row, 0}, new int[] {row + 1, 5}, null), 0), 0));
            }
            return List.of(Lax.stack(parts, 0));
        }, ArrayType.of(DType.FLOAT32, 6, 5));
        check(j, 1, "every other row");
    }
}
