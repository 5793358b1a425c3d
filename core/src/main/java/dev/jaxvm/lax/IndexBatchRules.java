package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The batching rules of the indexing primitives, after JAX's: a batch becomes XLA's operand and
 * index batching dimensions of {@code gather} and {@code scatter}; {@code dynamic_slice} and
 * {@code dynamic_update_slice} with batched start indices become a gather and a scatter.
 */
final class IndexBatchRules {
    private IndexBatchRules() {}

    /** JAX's {@code _gather_batching_rule}. */
    static Batched gather(Gather g, List<Array> args, Ints dims) {
        Array x = args.get(0), idx = args.get(1);
        int xd = dims.get(0), id = dims.get(1);
        GatherDimensionNumbers dn = g.dimensionNumbers();
        if (id == NOT_MAPPED) {
            x = BatchRules.moveAxis(x, xd, 0);
            var nd = new GatherDimensionNumbers(prepend(0, plus1(dn.offsetDims())), plus1(dn.collapsedSliceDims()),
                    plus1(dn.startIndexMap()), plus1(dn.operandBatchingDims()), dn.startIndicesBatchingDims());
            Ints sizes = prepend(x.shape()[0], g.sliceSizes());
            return Batched.of(Trace.bind1(new Gather(nd, g.fillValue(), g.indicesAreSorted(), g.mode(), sizes,
                    g.uniqueIndices()), x, idx), 0);
        }
        idx = BatchRules.moveAxis(idx, id, 0);
        if (xd == NOT_MAPPED) {
            var nd = new GatherDimensionNumbers(plus1(dn.offsetDims()), dn.collapsedSliceDims(), dn.startIndexMap(),
                    dn.operandBatchingDims(), plus1(dn.startIndicesBatchingDims()));
            return Batched.of(Trace.bind1(new Gather(nd, g.fillValue(), false, g.mode(), g.sliceSizes(), false), x, idx), 0);
        }
        x = BatchRules.moveAxis(x, xd, 0);
        var nd = new GatherDimensionNumbers(plus1(dn.offsetDims()), plus1(dn.collapsedSliceDims()), plus1(dn.startIndexMap()),
                prepend(0, plus1(dn.operandBatchingDims())), prepend(0, plus1(dn.startIndicesBatchingDims())));
        Ints sizes = prepend(x.shape()[0] == 0 ? 0 : 1, g.sliceSizes());
        return Batched.of(Trace.bind1(new Gather(nd, g.fillValue(), g.indicesAreSorted(), g.mode(), sizes,
                g.uniqueIndices()), x, idx), 0);
    }

    /** JAX's {@code _scatter_batching_rule}: operand and updates batch-first, indices as index batching dims. */
    static Batched scatter(ScatterPrimitive s, List<Array> args, Ints dims) {
        int size = BatchRules.axisSize(args, dims);
        Array x = BatchRules.toFront(args.get(0), dims.get(0), size);
        Array idx = args.get(1);
        Array u = BatchRules.toFront(args.get(2), dims.get(2), size);
        ScatterDimensionNumbers dn = s.dimensionNumbers();
        ScatterDimensionNumbers nd;
        if (dims.get(1) == NOT_MAPPED) {
            nd = new ScatterDimensionNumbers(prepend(0, plus1(dn.updateWindowDims())), plus1(dn.insertedWindowDims()),
                    plus1(dn.scatterDimsToOperandDims()), plus1(dn.operandBatchingDims()), dn.scatterIndicesBatchingDims());
        } else {
            idx = BatchRules.moveAxis(idx, dims.get(1), 0);
            nd = new ScatterDimensionNumbers(plus1(dn.updateWindowDims()), plus1(dn.insertedWindowDims()),
                    plus1(dn.scatterDimsToOperandDims()), prepend(0, plus1(dn.operandBatchingDims())),
                    prepend(0, plus1(dn.scatterIndicesBatchingDims())));
        }
        return Batched.of(Trace.bind1(withDimensionNumbers(s, nd), x, idx, u), 0);
    }

    private static ScatterPrimitive withDimensionNumbers(ScatterPrimitive p, ScatterDimensionNumbers dn) {
        boolean sorted = p.indicesAreSorted(), unique = p.uniqueIndices();
        GatherScatterMode m = p.mode();
        return switch (p) {
            case Scatter s -> new Scatter(dn, sorted, m, unique, p.dtype());
            case ScatterAdd s -> new ScatterAdd(dn, sorted, m, unique, p.dtype());
            case ScatterSub s -> new ScatterSub(dn, sorted, m, unique, p.dtype());
            case ScatterMul s -> new ScatterMul(dn, sorted, m, unique, p.dtype());
            case ScatterMin s -> new ScatterMin(dn, sorted, m, unique, p.dtype());
            case ScatterMax s -> new ScatterMax(dn, sorted, m, unique, p.dtype());
        };
    }

    /** Batched operand, fixed starts: one more dynamic_slice dimension; batched starts: a clamping gather. */
    static Batched dynamicSlice(DynamicSlice p, List<Array> args, Ints dims) {
        int n = args.size() - 1;
        if (!anyMapped(dims, 1)) {
            int d = dims.get(0);
            Array[] in = new Array[n + 2];
            in[0] = args.get(0);
            for (int i = 0, j = 1; i <= n; i++) in[i + 1] = i == d ? zeroLike(args, 1) : args.get(j++);
            Ints sizes = Ints.of(BatchRules.insert(p.sliceSizes().values(), d, args.get(0).shape()[d]));
            return Batched.of(Trace.bind1(new DynamicSlice(sizes), in), d);
        }
        Batched index = startVector(args.subList(1, n + 1), dims, 1);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        var dn = new GatherDimensionNumbers(Ints.of(all), Ints.EMPTY, Ints.of(all));
        Gather g = new Gather(dn, null, true, GatherScatterMode.CLIP, p.sliceSizes(), true);
        return gather(g, List.of(args.get(0), index.values().getFirst()), Ints.of(dims.get(0), index.dims().get(0)));
    }

    /** Fixed starts: one more dynamic_update_slice dimension; batched starts: a clamping scatter. */
    static Batched dynamicUpdateSlice(List<Array> args, Ints dims) {
        int n = args.size() - 2;
        int size = BatchRules.axisSize(args, dims);
        if (!anyMapped(dims, 2)) {
            Array[] in = new Array[n + 3];
            in[0] = BatchRules.toFront(args.get(0), dims.get(0), size);
            in[1] = BatchRules.toFront(args.get(1), dims.get(1), size);
            in[2] = zeroLike(args, 2);
            for (int i = 0; i < n; i++) in[i + 3] = args.get(i + 2);
            return Batched.of(Trace.bind1(new DynamicUpdateSlice(), in), 0);
        }
        Batched index = startVector(args.subList(2, n + 2), dims, 2);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        var dn = new ScatterDimensionNumbers(Ints.of(all), Ints.EMPTY, Ints.of(all));
        Scatter s = new Scatter(dn, true, GatherScatterMode.CLIP, true, args.get(0).dtype());
        return scatter(s, List.of(args.get(0), index.values().getFirst(), args.get(1)),
                Ints.of(dims.get(0), index.dims().get(0), dims.get(1)));
    }

    /** The scalar start indices as one index vector (int32), batched along 0 when any start is batched. */
    private static Batched startVector(List<Array> starts, Ints dims, int offset) {
        int size = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (dims.get(offset + i) != NOT_MAPPED) size = starts.get(i).shape()[0];
        }
        List<Array> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Array s = starts.get(i);
            if (s.dtype() != DType.INT32) s = Lax.convertElementType(s, DType.INT32, false);
            parts.add(BatchRules.toFront(s, dims.get(offset + i), size));
        }
        return Batched.of(Lax.stack(parts, 1), 0);
    }

    private static boolean anyMapped(Ints dims, int from) {
        for (int i = from; i < dims.size(); i++) if (dims.get(i) != NOT_MAPPED) return true;
        return false;
    }

    /** A zero start index of the dtype of the start operands (from {@code first} on), int32 when there are none. */
    private static Array zeroLike(List<Array> args, int first) {
        return DenseArray.scalarLong(args.size() > first ? args.get(first).dtype() : DType.INT32, false, 0);
    }

    static Ints plus1(Ints xs) {
        int[] v = xs.values();
        for (int i = 0; i < v.length; i++) v[i]++;
        return Ints.of(v);
    }

    static Ints prepend(int first, Ints xs) { return Ints.of(BatchRules.insert(xs.values(), 0, first)); }
}
