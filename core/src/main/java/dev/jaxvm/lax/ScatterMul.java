package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code scatter-mul}: scatters the updates into a copy of the operand and multiplies by the updates; see {@link ScatterPrimitive}.
 *
 * @param dimensionNumbers how index, update and operand dimensions correspond
 * @param indicesAreSorted a hint, as in JAX
 * @param mode the out-of-bounds behaviour (JAX's default for scatters: FILL_OR_DROP)
 * @param uniqueIndices a hint, as in JAX
 * @param dtype the operand dtype, which determines the printed {@code update_jaxpr} (not itself a JAX parameter)
 */
public record ScatterMul(ScatterDimensionNumbers dimensionNumbers, boolean indicesAreSorted, GatherScatterMode mode,
        boolean uniqueIndices, DType dtype) implements ScatterPrimitive, Differentiable, Transposable {
    @Override
    public String name() { return "scatter-mul"; }

    @Override
    public ScalarOp combiner() { return ScalarOp.MUL; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array x = primals.get(0), i = primals.get(1), y = primals.get(2);
        Array out = Trace.bind1(this, x, i, y);
        Array t = null;
        if (tangents.get(0) != null) t = Trace.bind1(this, tangents.get(0), i, y);
        if (tangents.get(2) != null) {
            if (!uniqueIndices) {
                throw new UnsupportedOperationException("scatter_mul gradients are only implemented if"
                        + " `unique_indices=True`");
            }
            Array zeros = Tangents.zeros(Tangents.tangentType(x.type()));
            t = Tangents.add(t, Lax.mul(x, Lax.scatter(Lax.ScatterKind.ADD, zeros, i, tangents.get(2), dimensionNumbers,
                    indicesAreSorted, uniqueIndices, mode)));
        }
        return Jvp.of(out, t);
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        if (operands.get(2).isLinear()) throw new IllegalArgumentException("scatter_mul is not linear in its updates");
        return java.util.Arrays.asList(Trace.bind1(this, cts.getFirst(), operands.get(1).value(), operands.get(2).value()),
                null, null);
    }
}
