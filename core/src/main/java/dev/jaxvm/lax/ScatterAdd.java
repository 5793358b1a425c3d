package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/**
 * {@code scatter-add}: scatters the updates into a copy of the operand and adds the updates (repeated indices all accumulate); see {@link ScatterPrimitive}.
 *
 * @param dimensionNumbers how index, update and operand dimensions correspond
 * @param indicesAreSorted a hint, as in JAX
 * @param mode the out-of-bounds behaviour (JAX's default for scatters: FILL_OR_DROP)
 * @param uniqueIndices a hint, as in JAX
 * @param dtype the operand dtype, which determines the printed {@code update_jaxpr} (not itself a JAX parameter)
 */
public record ScatterAdd(ScatterDimensionNumbers dimensionNumbers, boolean indicesAreSorted, GatherScatterMode mode,
        boolean uniqueIndices, DType dtype) implements ScatterPrimitive {
    @Override
    public String name() { return "scatter-add"; }

    @Override
    public ScalarOp combiner() { return ScalarOp.ADD; }
}
