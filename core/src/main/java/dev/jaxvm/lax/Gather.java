package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import java.util.List;

/**
 * {@code gather}: XLA's Gather of windows of {@code sliceSizes} at the start positions held in the
 * indices (second operand; its last dimension is the index vector).
 *
 * @param dimensionNumbers how index, operand and output dimensions correspond
 * @param fillValue the value of out-of-bounds windows in {@link GatherScatterMode#FILL_OR_DROP} mode
 *     (a {@code Double}, {@code Long} or {@code Boolean}), or null for the dtype's default (NaN, the
 *     minimum signed value, the maximum unsigned value, true)
 * @param indicesAreSorted a hint, as in JAX
 * @param mode the out-of-bounds behaviour
 * @param sliceSizes the window size along each operand dimension
 * @param uniqueIndices a hint, as in JAX
 */
public record Gather(GatherDimensionNumbers dimensionNumbers, Object fillValue, boolean indicesAreSorted,
        GatherScatterMode mode, Ints sliceSizes, boolean uniqueIndices) implements IndexingPrimitive, Batchable, Differentiable, Transposable,
        Lowerable {
    @Override
    public String name() { return "gather"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("gather takes an operand and indices, got " + in.size());
        ArrayType x = in.get(0), idx = in.get(1);
        if (!idx.dtype().isInteger()) throw new IllegalArgumentException("indices must have an integer type");
        if (idx.rank() < 1) throw new IllegalArgumentException("gather indices must have rank >= 1 (the last dimension is"
                + " the index vector), got shape " + idx.shape());
        GatherDimensionNumbers dn = dimensionNumbers;
        int r = x.rank();
        if (sliceSizes.size() != r) {
            throw new IllegalArgumentException("Gather op must have one slice size for every input dimension; got:"
                    + " len(slice_sizes)=" + sliceSizes.size() + ", input_shape.rank=" + r);
        }
        for (int k = 0; k < r; k++) {
            int s = sliceSizes.get(k);
            if (s < 0 || s > x.shape().dim(k)) {
                throw new IllegalArgumentException("Slice size at index " + k + " in gather op is out of range, must be"
                        + " within [0, " + x.shape().dim(k) + " + 1), got " + s + ".");
            }
        }
        for (int i = 0; i < dn.collapsedSliceDims().size(); i++) {
            int c = dn.collapsedSliceDims().get(i);
            if (c < 0 || c >= r) throw new IllegalArgumentException("gather: collapsed_slice_dims " + dn.collapsedSliceDims()
                    + " out of range for operand rank " + r);
            if (sliceSizes.get(c) != 1) {
                throw new IllegalArgumentException("Gather op can only collapse slice dims with bound 1, but bound is "
                        + sliceSizes.get(c) + " for index " + c + " at position " + i + ".");
            }
        }
        int vec = idx.shape().dim(idx.rank() - 1);
        if (dn.startIndexMap().size() != vec) {
            throw new IllegalArgumentException("Gather op has " + dn.startIndexMap().size() + " elements in start_index_map"
                    + " and the bound of dimension index_vector_dim=" + (idx.rank() - 1) + " of indices is " + vec
                    + ". These two numbers must be equal.");
        }
        for (int m : dn.startIndexMap().values()) {
            if (m < 0 || m >= r) throw new IllegalArgumentException("gather: start_index_map " + dn.startIndexMap()
                    + " out of range for operand rank " + r);
        }
        int[] window = windowDims();
        int batchRank = idx.rank() - 1;
        int outRank = batchRank + dn.offsetDims().size();
        if (window.length != dn.offsetDims().size()) {
            throw new IllegalArgumentException("All components of the offset index in a gather op must either be a offset"
                    + " dimension or explicitly collapsed/batching; got len(slice_sizes)=" + r + ", output_slice_sizes="
                    + window.length + ", collapsed_slice_dims=" + dn.collapsedSliceDims() + ", operand_batching_dims="
                    + dn.operandBatchingDims() + ", offset_dims=" + dn.offsetDims() + ".");
        }
        int prev = -1;
        for (int o : dn.offsetDims().values()) {
            if (o <= prev || o >= outRank) throw new IllegalArgumentException("gather: offset_dims " + dn.offsetDims()
                    + " must be sorted and in range for the output rank " + outRank);
            prev = o;
        }
        int[] out = new int[outRank];
        for (int i = 0, w = 0, b = 0; i < outRank; i++) {
            out[i] = dn.offsetDims().contains(i) ? sliceSizes.get(window[w++]) : idx.shape().dim(b++);
        }
        return List.of(x.withShape(new Shape(out)));
    }

    /** The operand dimensions that appear in the output, in order. */
    private int[] windowDims() {
        int r = sliceSizes.size();
        int n = 0;
        int[] w = new int[r];
        for (int k = 0; k < r; k++) {
            if (!dimensionNumbers.collapsedSliceDims().contains(k) && !dimensionNumbers.operandBatchingDims().contains(k)) {
                w[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(w, n);
    }

    /** The default fill value of FILL_OR_DROP gathers for a dtype. */
    static double defaultFill(DType t) {
        return switch (t.kind()) {
            case FLOAT -> Double.NaN;
            case INT -> -Math.pow(2, t.bits() - 1);
            case UINT -> Math.pow(2, t.bits()) - 1;
            case BOOL, FLOAT0 -> 1;
        };
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.get(0), idx = in.get(1);
        ArrayType t = out.getFirst();
        GatherDimensionNumbers dn = dimensionNumbers;
        int[] od = t.shape().dims(), xd = x.type().shape().dims(), xs = x.type().shape().strides();
        int[] id = idx.type().shape().dims(), is = idx.type().shape().strides();
        int[] window = windowDims();
        int vecStride = is[id.length - 1];
        Object dst = Storage.allocate(t.dtype(), t.size());
        Object fill = Storage.allocate(t.dtype(), 1);
        if (t.dtype() == DType.UINT64 && fillValue == null) Storage.setLong(t.dtype(), fill, 0, -1L);
        else if (t.dtype() == DType.INT64 && fillValue == null) Storage.setLong(t.dtype(), fill, 0, Long.MIN_VALUE);
        else Storage.setDouble(t.dtype(), fill, 0, fillValue == null ? defaultFill(t.dtype()) : fillNumber());
        boolean[] isOffset = new boolean[od.length];
        for (int k : dn.offsetDims().values()) isOffset[k] = true;
        int[] sim = dn.startIndexMap().values(), obd = dn.operandBatchingDims().values();
        int[] bod = new int[dn.startIndicesBatchingDims().size()];
        for (int v = 0; v < bod.length; v++) bod[v] = batchOutputDim(dn.startIndicesBatchingDims().get(v), od.length);
        int[] slice = sliceSizes.values();
        int[] o = new int[od.length];
        int[] start = new int[xd.length];
        for (int i = 0; i < t.size(); i++) {
            IndexMaps.unravel(i, od, o);
            int ibase = 0;
            for (int k = 0, b = 0; k < od.length; k++) if (!isOffset[k]) ibase += o[k] * is[b++];
            java.util.Arrays.fill(start, 0);
            boolean oob = false;
            for (int v = 0; v < sim.length; v++) {
                int d = sim[v];
                long s = idx.getLong(ibase + v * vecStride);
                int hi = xd[d] - slice[d];
                if (s < 0 || s > hi) oob = true;
                start[d] = (int) Math.max(0, Math.min(s, hi));
            }
            for (int v = 0; v < obd.length; v++) start[obd[v]] = o[bod[v]];
            if (oob && mode == GatherScatterMode.FILL_OR_DROP) {
                Storage.copyElement(fill, 0, dst, i);
                continue;
            }
            int src = 0;
            for (int k = 0; k < xd.length; k++) src += start[k] * xs[k];
            for (int k = 0, w = 0; k < od.length; k++) if (isOffset[k]) src += o[k] * xs[window[w++]];
            Storage.copyElement(x.buffer(), src, dst, i);
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    private double fillNumber() {
        return switch (fillValue) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            default -> throw new IllegalArgumentException("gather: fill_value must be a number or boolean, got " + fillValue);
        };
    }

    /** The output dimension holding batch dimension {@code b} of the indices. */
    private int batchOutputDim(int b, int outRank) {
        for (int k = 0, n = 0; k < outRank; k++) {
            if (!dimensionNumbers.offsetDims().contains(k) && n++ == b) return k;
        }
        throw new IllegalStateException("gather: no output dimension for indices batch dimension " + b);
    }

    /** An index map with an indirect index (start indices loaded from the index operand); see {@link GatherLowering}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return GatherLowering.lower(this, in, out); }

    /** The batch becomes an offset or operand batching dimension (JAX's rule). */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return IndexBatchRules.gather(this, args, dims); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Trace.bind1(this, primals.get(0), primals.get(1));
        if (tangents.getFirst() == null) return Jvp.of(out, null);
        return Jvp.of(out, Trace.bind1(this, tangents.getFirst(), primals.get(1)));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array t = cts.getFirst();
        Array zeros = Tangents.zeros(t.type().withShape(operands.getFirst().type().shape()));
        GatherDimensionNumbers d = dimensionNumbers;
        ScatterDimensionNumbers sd = new ScatterDimensionNumbers(d.offsetDims(), d.collapsedSliceDims(), d.startIndexMap(),
                d.operandBatchingDims(), d.startIndicesBatchingDims());
        Array out = Lax.scatter(Lax.ScatterKind.ADD, zeros, operands.get(1).value(), t, sd, indicesAreSorted, uniqueIndices,
                mode);
        return java.util.Arrays.asList(out, null);
    }
}
