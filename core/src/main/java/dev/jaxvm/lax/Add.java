package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code add} primitive, applied elementwise. */
public record Add() implements BinaryPrimitive, Elementwise, Linear {
    @Override
    public String name() { return "add"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ADD; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Lax.add(primals.get(0), primals.get(1));
        Array tx = tangents.get(0), ty = tangents.get(1);
        if (tx == null && ty == null) return Jvp.of(out, null);
        if (tx == null) return Jvp.of(out, Tangents.maybeBroadcast(out.type().shape(), ty));
        if (ty == null) return Jvp.of(out, Tangents.maybeBroadcast(out.type().shape(), tx));
        return Jvp.of(out, Lax.add(tx, ty));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array ct = cts.getFirst();
        return java.util.Arrays.asList(Tangents.unbroadcast(operands.get(0).type(), ct),
                Tangents.unbroadcast(operands.get(1).type(), ct));
    }
}
