package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * {@code add_any}: the sum of two tangents or cotangents of the same type, which reverse mode emits
 * where a value is used more than once (JAX's {@code add_jaxvals}).
 */
public record AddAny() implements AutodiffPrimitive, Elementwise, Linear {
    @Override
    public String name() { return "add_any"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ADD; }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array ct = cts.getFirst();
        return java.util.Arrays.asList(operands.get(0).isLinear() ? Tangents.unbroadcast(operands.get(0).type(), ct) : null,
                operands.get(1).isLinear() ? Tangents.unbroadcast(operands.get(1).type(), ct) : null);
    }
}
