package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code sub} primitive, applied elementwise. */
public record Sub() implements BinaryPrimitive, Elementwise, Linear {
    @Override
    public String name() { return "sub"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.SUB; }

    @Override
    public boolean accepts(DType t) { return t != DType.BOOL; }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Lax.sub(primals.get(0), primals.get(1));
        Array tx = tangents.get(0), ty = tangents.get(1);
        if (tx == null && ty == null) return Jvp.of(out, null);
        if (tx == null) return Jvp.of(out, Tangents.maybeBroadcast(out.type().shape(), Lax.neg(ty)));
        if (ty == null) return Jvp.of(out, Tangents.maybeBroadcast(out.type().shape(), tx));
        return Jvp.of(out, Lax.sub(tx, ty));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array ct = cts.getFirst();
        return java.util.Arrays.asList(Tangents.unbroadcast(operands.get(0).type(), ct),
                Tangents.unbroadcast(operands.get(1).type(), Lax.neg(ct)));
    }
}
