package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code copy} primitive, applied elementwise. */
public record Copy() implements UnaryPrimitive, Elementwise, Linear {
    @Override
    public String name() { return "copy"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.COPY; }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) { return List.of(Lax.copy(cts.getFirst())); }
}
