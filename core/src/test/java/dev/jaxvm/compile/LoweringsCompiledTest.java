package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Argmax;
import dev.jaxvm.lax.Argmin;
import dev.jaxvm.lax.Cumlogsumexp;
import dev.jaxvm.lax.Cummax;
import dev.jaxvm.lax.Cummin;
import dev.jaxvm.lax.Cumprod;
import dev.jaxvm.lax.Cumsum;
import dev.jaxvm.lax.DynamicUpdateSlice;
import dev.jaxvm.lax.Gather;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.PyInt;
import dev.jaxvm.lax.Scatter;
import dev.jaxvm.lax.ScatterAdd;
import dev.jaxvm.lax.ScatterDimensionNumbers;
import dev.jaxvm.lax.ScatterMax;
import dev.jaxvm.lax.ScatterMin;
import dev.jaxvm.lax.ScatterMul;
import dev.jaxvm.lax.ScatterSub;
import dev.jaxvm.lax.Sort;
import dev.jaxvm.lax.Split;
import dev.jaxvm.lax.TopK;
import dev.jaxvm.lax.Unstack;
import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lowerings of the indexing, sorting and scan primitives, compiled, against their reference
 * evaluation ({@link CatalogCompiledTest#check}: bytecode, scalar bytecode and reference backends, on
 * 1 and 2 threads): odd sizes, 0-d and empty arrays, sizes around the SIMD width, out-of-bounds
 * indices in every mode, NaN, signed zeros and ties, and arrays large enough to be split over threads.
 */
class LoweringsCompiledTest {
    static final DType[] TYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.UINT8, DType.INT16, DType.FLOAT16,
            DType.UINT32, DType.BFLOAT16};
    private static final GatherScatterMode[] MODES = {GatherScatterMode.CLIP, GatherScatterMode.FILL_OR_DROP,
            GatherScatterMode.PROMISE_IN_BOUNDS};

    /** Values drawn from a small pool with NaN, both zeros, infinities and repeats (ints: repeats, extremes). */
    static DenseArray special(ArrayType t, Random r) {
        double[] floats = {Double.NaN, -0.0, 0.0, 1.5, -1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2, -7, 1e-3};
        long[] ints = {0, 1, -1, 5, 100, -100, 127, -128, 3};
        Object d = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            if (t.dtype().isFloating()) Storage.setDouble(t.dtype(), d, i, r.nextInt(3) == 0 ? floats[r.nextInt(floats.length)] : r.nextGaussian());
            else if (t.dtype() == DType.BOOL) Storage.setBoolean(t.dtype(), d, i, r.nextBoolean());
            else Storage.setLong(t.dtype(), d, i, r.nextInt(2) == 0 ? ints[r.nextInt(ints.length)] : r.nextInt());
        }
        return DenseArray.wrap(t, d);
    }

    /** Indices uniform in {@code [lo, hi]}. */
    static DenseArray indices(ArrayType t, int lo, int hi, Random r) {
        Object d = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) Storage.setLong(t.dtype(), d, i, lo + r.nextInt(hi - lo + 1));
        return DenseArray.wrap(t, d);
    }

    static void run(Primitive p, DenseArray... args) {
        List<DenseArray> a = List.of(args);
        List<ArrayType> out = p.abstractEval(a.stream().map(DenseArray::type).toList());
        assertTrue(CatalogCompiledTest.check(p, a, out), p.name() + " rejected its operands");
    }

    private static GatherDimensionNumbers gdn(int[] offset, int[] collapsed, int[] sim) {
        return new GatherDimensionNumbers(Ints.of(offset), Ints.of(collapsed), Ints.of(sim));
    }

    @Test
    void gather() {
        Random r = new Random(1);
        for (GatherScatterMode m : MODES) {
            for (DType t : new DType[] {DType.FLOAT32, DType.INT32, DType.UINT8, DType.FLOAT64, DType.BOOL}) {
                for (int rows : new int[] {1, 7, 8, 9}) {
                    // x[idx]: rows of x, as jnp.take along axis 0
                    ArrayType x = ArrayType.of(t, rows, 5);
                    Gather take = new Gather(gdn(new int[] {1}, new int[] {0}, new int[] {0}), null, false, m, Ints.of(1, 5), false);
                    run(take, Oracle.random(x, r), indices(ArrayType.of(DType.INT32, 9, 1), -2, rows + 1, r));
                    run(take, Oracle.random(x, r), indices(ArrayType.of(DType.UINT8, 3, 1), 0, rows + 1, r));
                    run(take, Oracle.random(x, r), indices(ArrayType.of(DType.INT8, 0, 1), 0, 0, r));
                }
                // a point gather with a 2-vector index, batch dims [2, 3]
                ArrayType x3 = ArrayType.of(t, 5, 6, 3);
                run(new Gather(gdn(new int[] {2}, new int[] {0, 1}, new int[] {1, 0}), null, false, m, Ints.of(1, 1, 3), false),
                        Oracle.random(x3, r), indices(ArrayType.of(DType.INT32, 2, 3, 2), -1, 6, r));
                // windows of 2x3, offset dims around the batch dim, and a 0-d result per index
                run(new Gather(gdn(new int[] {0, 2}, new int[] {}, new int[] {0, 1}), null, false, m, Ints.of(2, 3), false),
                        Oracle.random(ArrayType.of(t, 7, 9), r), indices(ArrayType.of(DType.INT32, 4, 2), -2, 9, r));
                run(new Gather(gdn(new int[] {}, new int[] {0}, new int[] {0}), null, false, m, Ints.of(1), false),
                        Oracle.random(ArrayType.of(t, 17), r), indices(ArrayType.of(DType.INT32, 1), -3, 20, r));
                // operand batching dims (vmap of a gather)
                run(new Gather(new GatherDimensionNumbers(Ints.of(2), Ints.of(1), Ints.of(1), Ints.of(0), Ints.of(0)), null, false, m,
                        Ints.of(1, 1, 4), false), Oracle.random(ArrayType.of(t, 3, 6, 4), r), indices(ArrayType.of(DType.INT32, 3, 5, 1), -1, 6, r));
            }
            // an explicit fill value
            run(new Gather(gdn(new int[] {1}, new int[] {0}, new int[] {0}), 2.5, false, m, Ints.of(1, 4), false),
                    Oracle.random(ArrayType.of(DType.FLOAT32, 6, 4), r), indices(ArrayType.of(DType.INT32, 11, 1), -3, 8, r));
        }
        // large enough to be split over two threads
        Gather take = new Gather(gdn(new int[] {1}, new int[] {0}, new int[] {0}), null, false, GatherScatterMode.FILL_OR_DROP, Ints.of(1, 300), false);
        run(take, Oracle.random(ArrayType.of(DType.FLOAT32, 200, 300), r), indices(ArrayType.of(DType.INT32, 257, 1), -5, 204, r));
    }

    @Test
    void dynamicUpdateSlice() {
        Random r = new Random(2);
        ArrayType i32 = ArrayType.of(DType.INT32), u8 = ArrayType.of(DType.UINT8);
        for (DType t : TYPES) {
            for (int rep = 0; rep < 3; rep++) {
                run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t, 7, 9), r), Oracle.random(ArrayType.of(t, 3, 2), r),
                        indices(i32, -4, 10, r), indices(u8, 0, 10, r));
                run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t, 17), r), Oracle.random(ArrayType.of(t, 8), r), indices(i32, -3, 12, r));
                run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t, 5, 3), r), Oracle.random(ArrayType.of(t, 5, 1), r),
                        indices(i32, -1, 6, r), indices(i32, -1, 4, r));
            }
            run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t, 9), r), Oracle.random(ArrayType.of(t, 0), r), indices(i32, 2, 2, r));
            run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t, 0, 4), r), Oracle.random(ArrayType.of(t, 0, 2), r),
                    indices(i32, 1, 1, r), indices(i32, 1, 1, r));
            run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(t), r), Oracle.random(ArrayType.of(t), r));
        }
        run(new DynamicUpdateSlice(), Oracle.random(ArrayType.of(DType.FLOAT32, 300, 301), r),
                Oracle.random(ArrayType.of(DType.FLOAT32, 100, 7), r), indices(i32, 0, 300, r), indices(i32, 0, 300, r));
    }

    @Test
    void scatter() {
        Random r = new Random(3);
        for (GatherScatterMode m : MODES) {
            for (DType t : TYPES) {
                for (int rows : new int[] {1, 5, 8, 9}) {
                    // x.at[i].op(u) on rows, repeated indices
                    ScatterDimensionNumbers rowsDn = new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
                    DenseArray x = Oracle.random(ArrayType.of(t, rows, 3), r);
                    DenseArray idx = indices(ArrayType.of(DType.INT32, 12, 1), -2, rows + 1, r);
                    DenseArray u = Oracle.random(ArrayType.of(t, 12, 3), r);
                    for (Primitive p : family(rowsDn, m, t)) run(p, x, idx, u);
                }
                // update windows first, then the batch: the update order interleaves windows and batches
                ScatterDimensionNumbers wfirst = new ScatterDimensionNumbers(Ints.of(0), Ints.of(1), Ints.of(1, 0), Ints.EMPTY, Ints.EMPTY);
                DenseArray x = Oracle.random(ArrayType.of(t, 9, 4), r);
                DenseArray idx = indices(ArrayType.of(DType.UINT8, 5, 2), 0, 9, r);
                DenseArray u = Oracle.random(ArrayType.of(t, 3, 5), r);
                for (Primitive p : family(wfirst, m, t)) run(p, x, idx, u);
                // scalar updates into a vector, empty updates, batching dims
                ScatterDimensionNumbers point = new ScatterDimensionNumbers(Ints.EMPTY, Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
                for (Primitive p : family(point, m, t)) {
                    run(p, Oracle.random(ArrayType.of(t, 17), r), indices(ArrayType.of(DType.INT32, 33, 1), -1, 18, r), Oracle.random(ArrayType.of(t, 33), r));
                    run(p, Oracle.random(ArrayType.of(t, 4), r), indices(ArrayType.of(DType.INT32, 0, 1), 0, 0, r), Oracle.random(ArrayType.of(t, 0), r));
                }
                ScatterDimensionNumbers batched = new ScatterDimensionNumbers(Ints.of(2), Ints.of(1), Ints.of(1), Ints.of(0), Ints.of(0));
                for (Primitive p : family(batched, m, t)) {
                    run(p, Oracle.random(ArrayType.of(t, 3, 5, 2), r), indices(ArrayType.of(DType.INT32, 3, 4, 1), -1, 5, r),
                            Oracle.random(ArrayType.of(t, 3, 4, 2), r));
                }
            }
        }
    }

    @Test
    void scatterWithUniqueIndicesSplitsOverThreads() {
        Random r = new Random(13);
        int rows = 4000;
        List<Integer> perm = new ArrayList<>();
        for (int i = -20; i < rows + 20; i++) perm.add(i);   // unique, some out of bounds (dropped)
        java.util.Collections.shuffle(perm, r);
        DenseArray idx = DenseArray.of(ArrayType.of(DType.INT32, 3000, 1), perm.subList(0, 3000).stream().mapToInt(Integer::intValue).toArray());
        ScatterDimensionNumbers dn = new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
        for (GatherScatterMode m : new GatherScatterMode[] {GatherScatterMode.FILL_OR_DROP, GatherScatterMode.PROMISE_IN_BOUNDS}) {
            DenseArray x = Oracle.random(ArrayType.of(DType.FLOAT32, rows, 33), r);
            DenseArray u = Oracle.random(ArrayType.of(DType.FLOAT32, 3000, 33), r);
            run(new ScatterAdd(dn, false, m, true, DType.FLOAT32), x, idx, u);
            run(new Scatter(dn, false, m, true, DType.FLOAT32), x, idx, u);
            run(new ScatterMax(dn, false, m, true, DType.FLOAT32), x, idx, u);
        }
    }

    private static List<Primitive> family(ScatterDimensionNumbers dn, GatherScatterMode m, DType t) {
        return List.of(new Scatter(dn, false, m, false, t), new ScatterAdd(dn, false, m, false, t), new ScatterSub(dn, false, m, false, t),
                new ScatterMul(dn, false, m, false, t), new ScatterMin(dn, false, m, false, t), new ScatterMax(dn, false, m, false, t));
    }

    @Test
    void sortAndTopK() {
        Random r = new Random(4);
        for (DType t : TYPES) {
            for (int[] shape : new int[][] {{}, {0}, {1}, {7}, {8}, {9}, {33}, {3, 5}, {4, 0}, {2, 9, 3}}) {
                ArrayType x = ArrayType.of(t, shape);
                for (int axis = 0; axis < shape.length; axis++) {
                    run(new Sort(axis, true, 1), special(x, r));
                    run(new Sort(axis, true, 1), special(x, r), Oracle.random(x.withDType(DType.INT32), r));
                    run(new Sort(axis, false, 2), special(x, r), special(x.withDType(DType.FLOAT64), r), Oracle.random(x, r));
                    run(new Sort(axis, true, 2), special(x.withDType(DType.UINT8), r), special(x, r));
                    for (int k : new int[] {0, 1, shape[axis] / 2, shape[axis]}) {
                        if (k <= shape[axis]) run(new TopK(axis, k), special(x, r));
                    }
                }
            }
        }
        // many lines (split over threads) and one long line
        run(new Sort(1, true, 1), special(ArrayType.of(DType.FLOAT32, 300, 257), r), Oracle.random(ArrayType.of(DType.INT32, 300, 257), r));
        run(new Sort(0, true, 1), special(ArrayType.of(DType.FLOAT64, 100001), r));
        run(new Sort(0, true, 1), special(ArrayType.of(DType.INT32, 70001), r));
        run(new TopK(1, 5), special(ArrayType.of(DType.FLOAT32, 400, 129), r));
    }

    @Test
    void argReductionsAndScans() {
        Random r = new Random(5);
        for (DType t : TYPES) {
            for (int[] shape : new int[][] {{1}, {7}, {8}, {9}, {33}, {3, 5}, {4, 0}, {0, 4}, {2, 9, 3}}) {
                ArrayType x = ArrayType.of(t, shape);
                for (int axis = 0; axis < shape.length; axis++) {
                    if (shape[axis] > 0) {
                        for (DType it : new DType[] {DType.INT32, DType.UINT8}) {
                            run(new Argmax(Ints.of(axis), it), special(x, r));
                            run(new Argmin(Ints.of(axis), it), special(x, r));
                        }
                    }
                    for (boolean rev : new boolean[] {false, true}) {
                        DenseArray v = t.isFloating() ? special(x, r) : Oracle.random(x, r);
                        run(new Cumsum(axis, rev), v);
                        run(new Cumprod(axis, rev), Oracle.random(x, r));
                        run(new Cummax(axis, rev), v);
                        run(new Cummin(axis, rev), v);
                        if (t.isFloating()) run(new Cumlogsumexp(axis, rev), v);
                    }
                }
            }
        }
        run(new Argmax(Ints.of(0), DType.INT32), special(ArrayType.of(DType.FLOAT32, 301, 257), r));
        // signed zeros tie for the maximum (and minimum): the first of them wins, whatever its sign
        DenseArray zeros = DenseArray.of(ArrayType.of(DType.FLOAT32, 40, 33), new float[40 * 33]);
        for (int i = 0; i < zeros.size(); i++) ((float[]) zeros.buffer())[i] = new float[] {-0f, 0f, -1f, 1f}[r.nextInt(i % 2 == 0 ? 3 : 2)];
        run(new Argmax(Ints.of(1), DType.INT32), zeros);
        for (int i = 0; i < zeros.size(); i++) ((float[]) zeros.buffer())[i] = -((float[]) zeros.buffer())[i];
        run(new Argmin(Ints.of(1), DType.INT32), zeros);
        run(new Argmin(Ints.of(1), DType.INT32), special(ArrayType.of(DType.FLOAT32, 301, 257), r));
        run(new Cumsum(1, false), Oracle.random(ArrayType.of(DType.FLOAT32, 301, 257), r));
        run(new Cumsum(0, true), Oracle.random(ArrayType.of(DType.FLOAT32, 301, 1025), r));
        run(new Cummax(1, false), special(ArrayType.of(DType.FLOAT64, 3, 301, 700), r));
        run(new Cumprod(0, false), Oracle.random(ArrayType.of(DType.INT32, 301, 257), r));
        run(new Cumlogsumexp(0, true), Oracle.random(ArrayType.of(DType.FLOAT64, 301, 257), r));
    }

    @Test
    void splitAndUnstack() {
        Random r = new Random(6);
        for (DType t : TYPES) {
            ArrayType x = ArrayType.of(t, 4, 9, 3);
            run(new Split(1, List.of(new PyInt(2, false), new PyInt(0, false), new PyInt(7, false))), Oracle.random(x, r));
            run(new Split(0, List.of(new PyInt(4, false))), Oracle.random(x, r));
            run(new Split(2, List.of(new PyInt(1, false), new PyInt(2, false))), Oracle.random(x, r));
            for (int axis = 0; axis < 3; axis++) run(new Unstack(axis), Oracle.random(x, r));
            run(new Unstack(0), Oracle.random(ArrayType.of(t, 0, 3), r));
        }
    }

    /**
     * A jitted program of sorts, arg-reductions, scans, fancy indexing and scatter updates compiles
     * without one reference evaluation: the compile log names none, and the result is the reference one.
     */
    @Test
    void aJittedIndexingProgramHasNoFallback() {
        Random r = new Random(12);
        ArrayType xt = ArrayType.of(DType.FLOAT32, 6, 9);
        ArrayType it = ArrayType.of(DType.INT32, 5);
        ClosedJaxpr j = Oracle.trace(a -> {
            Array x = a.get(0), i = a.get(1);
            Array rows = x.get(i);                                    // gather
            Array upd = x.at(i).add(Jnp.cumsum(rows, 1));             // scatter-add of a scan
            Array s = Jnp.sort(upd, 1);                               // sort
            Array m = Jnp.argmax(s, 0);                               // argmax
            return List.of(s, m, Jnp.cumsum(upd, 0), dev.jaxvm.lax.Lax.topK(s, 3).get(1));
        }, xt, it);
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        List<String> log = Compiler.logLines(j, e, e.compileMillis());
        assertTrue(log.stream().noneMatch(l -> l.contains("[no lowering]")), String.join("\n", log) + "\n" + e.asText());
        List<DenseArray> args = List.of(special(xt, r), indices(it, -6, 5, r));
        List<DenseArray> want = Oracle.evaluate(j, args);
        for (int threads : new int[] {1, 2}) {
            List<DenseArray> got = e.call(args, threads);
            for (int k = 0; k < want.size(); k++) Oracle.assertClose(want.get(k), got.get(k), 0, "output " + k + "\n" + e.asText());
        }
        // a gather whose indices are computed (negative ones wrapped) in the same loop: one SIMD kernel
        ClosedJaxpr take = Oracle.trace(a -> List.of(a.get(0).get(a.get(1)).mul(2.0)), xt, it);
        Executable te = Compiler.build(take, Compiler.Backend.BYTECODE);
        assertEquals(1, te.program().kernels().size(), te.asText());
        assertTrue(te.asText().contains("[bytecode"), te.asText());
        for (int threads : new int[] {1, 2}) {
            Oracle.assertClose(Oracle.evaluate(take, args).getFirst(), te.call(args, threads).getFirst(), 0, te.asText());
        }
        assertTrue(Jax.jit((Array x) -> Jnp.sort(x)).lower(DenseArray.of(ArrayType.of(DType.FLOAT32, 3), new float[] {3, 1, 2}))
                .compile().asText().contains("library sort"));
    }

    /** Keeps the list of lowered primitives used above honest: each has a library or index-map lowering. */
    @Test
    void theyAreLowered() {
        List<Primitive> ps = new ArrayList<>(List.of(new Sort(0, true, 1), new TopK(0, 1), new Argmax(Ints.of(0), DType.INT32),
                new Cumsum(0, false), new DynamicUpdateSlice(), new Split(0, List.of(new PyInt(1, false)))));
        for (Primitive p : ps) assertTrue(p instanceof Lowerable, p.name());
    }
}
