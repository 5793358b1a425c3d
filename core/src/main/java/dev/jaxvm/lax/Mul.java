package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code mul} primitive, applied elementwise. */
public record Mul() implements BinaryPrimitive, Elementwise, Bilinear {
    @Override
    public String name() { return "mul"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.MUL; }

    @Override
    public Array transposeLeft(Array ct, ArrayType xType, Array y) { return Tangents.unbroadcast(xType, Lax.mul(ct, y)); }

    @Override
    public Array transposeRight(Array ct, Array x, ArrayType yType) { return Tangents.unbroadcast(yType, Lax.mul(x, ct)); }
}
