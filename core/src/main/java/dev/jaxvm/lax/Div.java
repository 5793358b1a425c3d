package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code div} primitive, applied elementwise. */
public record Div() implements BinaryPrimitive, Elementwise, Partials, Transposable {
    @Override
    public String name() { return "div"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.DIV; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array x1 = x.get(1);
        return i == 0 ? Lax.div(g, x1) : Lax.mul(Lax.mul(Lax.neg(g), x0), Rules.integerPow(x1, -2));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        if (operands.get(1).isLinear()) throw new IllegalArgumentException("nonlinear div can't be transposed");
        return java.util.Arrays.asList(Tangents.unbroadcast(operands.get(0).type(), Lax.div(cts.getFirst(),
                operands.get(1).value())), null);
    }
}
