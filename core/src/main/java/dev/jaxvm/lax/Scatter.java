package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code scatter}: scatters the updates into a copy of the operand and overwrites the operand (which of repeated indices wins is unspecified); see {@link ScatterPrimitive}.
 *
 * @param dimensionNumbers how index, update and operand dimensions correspond
 * @param indicesAreSorted a hint, as in JAX
 * @param mode the out-of-bounds behaviour (JAX's default for scatters: FILL_OR_DROP)
 * @param uniqueIndices a hint, as in JAX
 * @param dtype the operand dtype, which determines the printed {@code update_jaxpr} (not itself a JAX parameter)
 */
public record Scatter(ScatterDimensionNumbers dimensionNumbers, boolean indicesAreSorted, GatherScatterMode mode,
        boolean uniqueIndices, DType dtype) implements ScatterPrimitive, Differentiable, Transposable {
    @Override
    public String name() { return "scatter"; }

    @Override
    public ScalarOp combiner() { return ScalarOp.COPY; }

    /** JAX's rule: see {@link ScatterSetJvp}. */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) { return ScatterSetJvp.jvp(this, primals, tangents); }

    /**
     * JAX's rule, defined only for {@code uniqueIndices}: the operand's cotangent is {@code ct} with
     * the scattered positions zeroed, the updates' cotangent gathers {@code ct} at them.
     */
    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        if (!uniqueIndices) {
            throw new UnsupportedOperationException("scatter transpose is only implemented where unique_indices=True");
        }
        Array t = cts.getFirst();
        Array operandT = !operands.get(0).isLinear() ? null : Trace.bind1(this, t, operands.get(1).value(),
                Tangents.zeros(operands.get(2).type()));
        Array updateT = !operands.get(2).isLinear() ? null : gatherUpdates(dimensionNumbers, t, operands.get(1).value(),
                operands.get(2).type(), indicesAreSorted, uniqueIndices, mode);
        return java.util.Arrays.asList(operandT, null, updateT);
    }

    /** The windows of {@code t} that a scatter with these dimension numbers writes, shaped as its updates (JAX's gather). */
    static Array gatherUpdates(ScatterDimensionNumbers d, Array t, Array indices, dev.jaxvm.core.ArrayType updates,
            boolean indicesAreSorted, boolean uniqueIndices, GatherScatterMode mode) {
        GatherDimensionNumbers gd = new GatherDimensionNumbers(d.updateWindowDims(), d.insertedWindowDims(),
                d.scatterDimsToOperandDims(), d.operandBatchingDims(), d.scatterIndicesBatchingDims());
        int[] updatesShape = updates.shape().dims();
        int[] sizes = new int[t.ndim()];
        for (int i = 0, pos = 0; i < sizes.length; i++) {
            if (d.insertedWindowDims().contains(i) || d.operandBatchingDims().contains(i)) sizes[i] = 1;
            else sizes[i] = updatesShape[d.updateWindowDims().get(pos++)];
        }
        return Lax.gather(t, indices, gd, sizes, indicesAreSorted, uniqueIndices, mode, 0);
    }
}
