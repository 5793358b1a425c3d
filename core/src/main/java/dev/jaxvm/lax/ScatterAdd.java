package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Trace;
import java.util.List;

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
        boolean uniqueIndices, DType dtype) implements ScatterPrimitive, Differentiable, Transposable {
    @Override
    public String name() { return "scatter-add"; }

    @Override
    public ScalarOp combiner() { return ScalarOp.ADD; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Trace.bind1(this, primals.toArray(Array[]::new));
        Array gOp = tangents.get(0), gUp = tangents.get(2);
        if (gOp == null && gUp == null) return Jvp.of(out, null);
        gOp = gOp != null ? gOp : Tangents.zeros(Tangents.tangentType(primals.get(0).type()));
        gUp = gUp != null ? gUp : Tangents.zeros(Tangents.tangentType(primals.get(2).type()));
        return Jvp.of(out, Trace.bind1(this, gOp, primals.get(1), gUp));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array t = cts.getFirst();
        Array updateT = null;
        if (operands.get(2).isLinear()) {
            updateT = Scatter.gatherUpdates(dimensionNumbers, t, operands.get(1).value(), operands.get(2).type(),
                    indicesAreSorted, uniqueIndices, mode);
        }
        return java.util.Arrays.asList(operands.get(0).isLinear() ? t : null, null, updateT);
    }
}
