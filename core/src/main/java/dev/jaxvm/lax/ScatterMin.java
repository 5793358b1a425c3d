package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * {@code scatter-min}: scatters the updates into a copy of the operand and takes the elementwise minimum with the updates; see {@link ScatterPrimitive}.
 *
 * @param dimensionNumbers how index, update and operand dimensions correspond
 * @param indicesAreSorted a hint, as in JAX
 * @param mode the out-of-bounds behaviour (JAX's default for scatters: FILL_OR_DROP)
 * @param uniqueIndices a hint, as in JAX
 * @param dtype the operand dtype, which determines the printed {@code update_jaxpr} (not itself a JAX parameter)
 */
public record ScatterMin(ScatterDimensionNumbers dimensionNumbers, boolean indicesAreSorted, GatherScatterMode mode,
        boolean uniqueIndices, DType dtype) implements ScatterPrimitive, Differentiable {
    @Override
    public String name() { return "scatter-min"; }

    @Override
    public ScalarOp combiner() { return ScalarOp.MIN; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        return ScatterExtremalJvp.jvp(this, dimensionNumbers, indicesAreSorted, uniqueIndices, mode, primals, tangents);
    }
}
