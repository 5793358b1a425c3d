package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code neg} primitive, applied elementwise. */
public record Neg() implements UnaryPrimitive, Elementwise, Linear {
    @Override
    public String name() { return "neg"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.NEG; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) { return List.of(Lax.neg(cts.getFirst())); }
}
