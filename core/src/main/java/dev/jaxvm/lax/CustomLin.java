package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.CustomVjpBwd;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custom_lin}: the linear map of a {@code custom_vjp} function's JVP, known only through its
 * transpose (the user's backward rule). Operands: the residuals, then one tangent per argument.
 * Evaluating it means forward-mode differentiation of a {@code custom_vjp} function, which JAX refuses.
 *
 * @param name the function's name
 * @param bwd the backward rule
 * @param numResiduals the number of leading residual operands
 * @param outType the output tangent's type
 * @param argTypes the argument tangents' types
 */
public record CustomLin(String name, CustomVjpBwd bwd, int numResiduals, ArrayType outType, List<ArrayType> argTypes)
        implements AutodiffPrimitive, Transposable {
    public CustomLin {
        argTypes = List.copyOf(argTypes);
    }

    @Override
    public String name() { return "custom_lin"; }

    @Override
    public List<Param> params() { return List.of(new Param("num_res", numResiduals)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return List.of(outType); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        throw new UnsupportedOperationException("can't apply forward-mode autodiff (jvp) to a custom_vjp function.");
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        List<Array> res = new ArrayList<>(numResiduals);
        for (int i = 0; i < numResiduals; i++) res.add(operands.get(i).value());
        List<Array> g = bwd.apply(List.copyOf(res), cts.getFirst());
        if (g.size() != argTypes.size()) {
            throw new IllegalArgumentException("Custom VJP bwd rule of " + name + " must produce a list with one cotangent"
                    + " per primal argument: expected " + argTypes.size() + ", got " + g.size());
        }
        List<Array> out = new ArrayList<>(java.util.Collections.nCopies(numResiduals, null));
        for (int i = 0; i < g.size(); i++) {
            Array c = g.get(i);
            if (c != null && !c.type().shape().equals(argTypes.get(i).shape())) {
                throw new IllegalArgumentException("Custom VJP bwd rule of " + name + " produced a cotangent of shape "
                        + c.type().shape() + " for argument " + i + " of shape " + argTypes.get(i).shape());
            }
            out.add(c);
        }
        return out;
    }
}
