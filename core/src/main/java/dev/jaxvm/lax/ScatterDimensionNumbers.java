package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;

/**
 * XLA's scatter dimension numbers, as JAX's {@code lax.ScatterDimensionNumbers}; the index vector is
 * always the last dimension of the indices. Prints as JAX's NamedTuple.
 *
 * @param updateWindowDims update dimensions that are window dimensions
 * @param insertedWindowDims operand dimensions of window size 1 absent from the updates
 * @param scatterDimsToOperandDims for each index-vector component, the operand dimension it starts
 * @param operandBatchingDims operand dimensions paired with {@code scatterIndicesBatchingDims}
 * @param scatterIndicesBatchingDims batch dimensions of the indices paired with operand dims
 */
public record ScatterDimensionNumbers(Ints updateWindowDims, Ints insertedWindowDims, Ints scatterDimsToOperandDims,
        Ints operandBatchingDims, Ints scatterIndicesBatchingDims) {
    /** Without batching dimensions. */
    public ScatterDimensionNumbers(Ints updateWindowDims, Ints insertedWindowDims, Ints scatterDimsToOperandDims) {
        this(updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, Ints.EMPTY, Ints.EMPTY);
    }

    @Override
    public String toString() {
        return "ScatterDimensionNumbers(update_window_dims=" + updateWindowDims + ", inserted_window_dims="
                + insertedWindowDims + ", scatter_dims_to_operand_dims=" + scatterDimsToOperandDims
                + ", operand_batching_dims=" + operandBatchingDims + ", scatter_indices_batching_dims="
                + scatterIndicesBatchingDims + ")";
    }
}
