package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;

/**
 * XLA's gather dimension numbers, as JAX's {@code lax.GatherDimensionNumbers}; the index vector is
 * always the last dimension of the indices. Prints as JAX's NamedTuple.
 *
 * {@snippet :
 * var dn = new GatherDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
 * }
 *
 * @param offsetDims output dimensions that hold the slice (window) dimensions
 * @param collapsedSliceDims operand dimensions of slice size 1 removed from the output
 * @param startIndexMap for each index-vector component, the operand dimension it starts
 * @param operandBatchingDims operand dimensions paired with {@code startIndicesBatchingDims}
 * @param startIndicesBatchingDims batch dimensions of the indices paired with operand dims
 */
public record GatherDimensionNumbers(Ints offsetDims, Ints collapsedSliceDims, Ints startIndexMap,
        Ints operandBatchingDims, Ints startIndicesBatchingDims) {
    /** Without batching dimensions. */
    public GatherDimensionNumbers(Ints offsetDims, Ints collapsedSliceDims, Ints startIndexMap) {
        this(offsetDims, collapsedSliceDims, startIndexMap, Ints.EMPTY, Ints.EMPTY);
    }

    @Override
    public String toString() {
        return "GatherDimensionNumbers(offset_dims=" + offsetDims + ", collapsed_slice_dims=" + collapsedSliceDims
                + ", start_index_map=" + startIndexMap + ", operand_batching_dims=" + operandBatchingDims
                + ", start_indices_batching_dims=" + startIndicesBatchingDims + ")";
    }
}
