package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dynamic_slice}: the box of {@code slice_sizes} at run-time start indices (one scalar integer
 * operand per dimension after the array), each start clamped so the box stays in bounds.
 *
 * @param sliceSizes the size of the box along each dimension
 */
public record DynamicSlice(Ints sliceSizes) implements IndexingPrimitive, Batchable, Differentiable, Transposable, Lowerable {
    @Override
    public String name() { return "dynamic_slice"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        checkStarts(name(), x, in.subList(1, in.size()));
        if (sliceSizes.size() != x.rank()) {
            throw new IllegalArgumentException("dynamic_slice slice_sizes must have the same length as the operand rank,"
                    + " got slice_sizes " + sliceSizes + " for operand shape " + x.shape() + ".");
        }
        for (int k = 0; k < x.rank(); k++) {
            int s = sliceSizes.get(k);
            if (s < 0 || s > x.shape().dim(k)) {
                throw new IllegalArgumentException("slice slice_sizes must be less than or equal to operand shape, got"
                        + " slice_sizes " + sliceSizes + " for operand shape " + x.shape() + ".");
            }
        }
        return List.of(x.withShape(new Shape(sliceSizes.values())));
    }

    /** Validates the start-index operands of dynamic_slice and dynamic_update_slice. */
    static void checkStarts(String name, ArrayType x, List<ArrayType> starts) {
        if (starts.size() != x.rank()) {
            throw new IllegalArgumentException("Length of slice indices must match number of operand dimensions ("
                    + starts.size() + " vs " + x.shape() + ")");
        }
        for (int i = 0; i < starts.size(); i++) {
            ArrayType s = starts.get(i);
            if (s.rank() != 0 || !s.dtype().isInteger()) {
                throw new IllegalArgumentException(name + ": start indices must be scalar integers, got "
                        + s.toLongString() + " for index " + i);
            }
        }
    }

    /** The start indices, each clamped into {@code [0, dim - size]}. */
    static int[] clampedStarts(List<DenseArray> in, int[] dims, int[] sizes) {
        int[] start = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            long s = in.get(k + 1).getLong(0);
            start[k] = (int) Math.max(0, Math.min(s, dims[k] - sizes[k]));
        }
        return start;
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] od = out.getFirst().shape().dims();
        int[] start = clampedStarts(in, x.type().shape().dims(), od);
        int[] xs = x.type().shape().strides();
        int[] idx = new int[od.length];
        return List.of(IndexMaps.gather(x, out.getFirst(), i -> {
            IndexMaps.unravel(i, od, idx);
            int src = 0;
            for (int k = 0; k < od.length; k++) src += (start[k] + idx[k]) * xs[k];
            return src;
        }));
    }

    /** Fixed starts: one more sliced dimension; batched starts: a gather. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return IndexBatchRules.dynamicSlice(this, args, dims); }

    /** An index map whose starts are run-time indices: the scalar operands, clamped into the operand. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] xd = in.getFirst().shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(idx.size());
            for (int k = 0; k < idx.size(); k++) {
                src.add(Ix.add(Ix.dynamic(x.read(k + 1, List.of()), 0, xd[k] - sliceSizes.get(k)), idx.get(k)));
            }
            return x.read(0, src);
        });
    }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array[] args = primals.toArray(Array[]::new);
        Array out = Trace.bind1(this, args);
        if (tangents.getFirst() == null) return Jvp.of(out, null);
        args[0] = tangents.getFirst();
        return Jvp.of(out, Trace.bind1(this, args));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array zeros = Tangents.zeros(Tangents.tangentType(operands.getFirst().type()));
        List<Array> starts = new java.util.ArrayList<>();
        for (int i = 1; i < operands.size(); i++) starts.add(operands.get(i).value());
        List<Array> out = new java.util.ArrayList<>();
        out.add(Lax.dynamicUpdateSlice(zeros, cts.getFirst(), starts));
        for (int i = 1; i < operands.size(); i++) out.add(null);
        return out;
    }
}
