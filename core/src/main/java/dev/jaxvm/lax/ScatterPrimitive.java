package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scatter} family: XLA's Scatter of update windows into a copy of the operand at the start
 * positions held in the indices (operands: operand, indices, updates), combining old and new values
 * with {@link #combiner()}. Updates whose window is out of bounds are dropped, except in
 * {@link GatherScatterMode#CLIP} mode, where the window is clamped into bounds.
 */
public sealed interface ScatterPrimitive extends IndexingPrimitive, Batchable, Lowerable
        permits Scatter, ScatterAdd, ScatterSub, ScatterMul, ScatterMin, ScatterMax {

    /** How index, update and operand dimensions correspond. */
    ScatterDimensionNumbers dimensionNumbers();

    /** A hint, as in JAX. */
    boolean indicesAreSorted();

    /** The out-of-bounds behaviour. */
    GatherScatterMode mode();

    /** A hint, as in JAX. */
    boolean uniqueIndices();

    /** The combining operation: {@link ScalarOp#COPY} overwrites (plain {@code scatter}). */
    ScalarOp combiner();

    /** The operand (and update) dtype: it determines the printed {@code update_jaxpr}. */
    DType dtype();

    /**
     * The {@code update_jaxpr} parameter: null for plain {@code scatter}, else the scalar combiner
     * {@code { lambda ; a:f32[] b:f32[]. let c:f32[] = add a b in (c,) }}, one shared object per
     * (primitive, dtype) as JAX's cached {@code _reduction_jaxpr}, so repeated scatters print it shared.
     */
    default ClosedJaxpr updateJaxpr() {
        return switch (this) {
            case Scatter s -> null;
            case ScatterAdd s -> UpdateJaxprs.of("add", dtype(), Lax::add);
            case ScatterSub s -> UpdateJaxprs.of("sub", dtype(), Lax::sub);
            case ScatterMul s -> UpdateJaxprs.of("mul", dtype(), Lax::mul);
            case ScatterMin s -> UpdateJaxprs.of("min", dtype(), Lax::min);
            case ScatterMax s -> UpdateJaxprs.of("max", dtype(), Lax::max);
        };
    }

    @Override
    default List<Primitive.Param> params() {
        return List.of(new Param("dimension_numbers", dimensionNumbers()),
                new Param("indices_are_sorted", indicesAreSorted()), new Param("mode", mode()),
                new Param("unique_indices", uniqueIndices()), new Param("update_consts", List.of()),
                new Param("update_jaxpr", updateJaxpr()));
    }

    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 3) throw new IllegalArgumentException(name() + " takes operand, indices and updates, got " + in.size());
        ArrayType x = in.get(0), idx = in.get(1), u = in.get(2);
        if (!idx.dtype().isInteger()) throw new IllegalArgumentException(name() + ": indices must have an integer type");
        if (x.dtype() != u.dtype() || x.dtype() != dtype()) {
            throw new IllegalArgumentException("lax.scatter requires arguments to have the same dtypes, got " + x.dtype()
                    + ", " + u.dtype() + (x.dtype() == u.dtype() ? " (the primitive was built for " + dtype() + ")" : "") + ".");
        }
        if (idx.rank() < 1) throw new IllegalArgumentException(name() + ": indices must have rank >= 1, got " + idx.shape());
        ScatterDimensionNumbers dn = dimensionNumbers();
        int batchRank = idx.rank() - 1;
        if (u.rank() != dn.updateWindowDims().size() + batchRank) {
            throw new IllegalArgumentException("Updates tensor must be of rank " + (dn.updateWindowDims().size() + batchRank)
                    + "; got " + u.rank() + ".");
        }
        int vec = idx.shape().dim(idx.rank() - 1);
        if (dn.scatterDimsToOperandDims().size() != vec) {
            throw new IllegalArgumentException("Scatter op has " + dn.scatterDimsToOperandDims().size() + " elements in"
                    + " scatter_dims_to_operand_dims and the bound of dimension index_vector_dim=" + (idx.rank() - 1)
                    + " of indices is " + vec + ". These two numbers must be equal.");
        }
        int[] window = ScatterEval.windowOperandDims(dn, x.rank());
        if (window.length != dn.updateWindowDims().size()) {
            throw new IllegalArgumentException(name() + ": update_window_dims " + dn.updateWindowDims() + " and"
                    + " inserted_window_dims " + dn.insertedWindowDims() + " do not account for the operand rank " + x.rank());
        }
        for (int j = 0; j < window.length; j++) {
            int ud = dn.updateWindowDims().get(j);
            if (ud < 0 || ud >= u.rank()) throw new IllegalArgumentException(name() + ": update_window_dims "
                    + dn.updateWindowDims() + " out of range for updates of rank " + u.rank());
            if (u.shape().dim(ud) > x.shape().dim(window[j])) {
                throw new IllegalArgumentException("Bounds of the window dimensions of updates must not exceed the bounds of"
                        + " the corresponding dimensions of operand. For dimension " + ud + ", updates bound is "
                        + u.shape().dim(ud) + ", operand bound is " + x.shape().dim(window[j]) + ".");
            }
        }
        for (int k = 0, b = 0; k < u.rank(); k++) {
            if (dn.updateWindowDims().contains(k)) continue;
            if (u.shape().dim(k) != idx.shape().dim(b)) {
                throw new IllegalArgumentException("Bounds of the scatter dimensions of updates must be the same as the"
                        + " bounds of the corresponding dimensions of scatter indices. For scatter dimension " + k
                        + ", updates bound is " + u.shape().dim(k) + ", scatter_indices bound is " + idx.shape().dim(b) + ".");
            }
            b++;
        }
        for (int m : dn.scatterDimsToOperandDims().values()) {
            if (m < 0 || m >= x.rank()) throw new IllegalArgumentException(name() + ": scatter_dims_to_operand_dims "
                    + dn.scatterDimsToOperandDims() + " out of range for operand rank " + x.rank());
        }
        return List.of(x);
    }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(ScatterEval.run(this, in.get(0), in.get(1), in.get(2), out.getFirst()));
    }

    /** Operand and updates batch-first; the indices' batch becomes an index batching dimension (JAX's rule). */
    @Override
    default Batched batch(List<dev.jaxvm.Array> args, dev.jaxvm.core.Ints dims) { return IndexBatchRules.scatter(this, args, dims); }

    /** A library kernel: a copy of the operand, then the updates combined in order. */
    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        ScatterDimensionNumbers dn = dimensionNumbers();
        return new Lowering.Library(new dev.jaxvm.compile.ScatterKernel(combiner(), dn.updateWindowDims(), dn.insertedWindowDims(),
                dn.scatterDimsToOperandDims(), dn.operandBatchingDims(), dn.scatterIndicesBatchingDims(),
                mode() == GatherScatterMode.CLIP, uniqueIndices()));
    }
}
