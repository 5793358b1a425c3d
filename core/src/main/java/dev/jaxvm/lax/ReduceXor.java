package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;

/**
 * {@code reduce_xor}: the logical or bitwise xor over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceXor(Ints axes) implements LogicalFold {
    @Override
    public String name() { return "reduce_xor"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.XOR; }

    @Override
    public LogicalFold withAxes(Ints axes) { return new ReduceXor(axes); }
}
