package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;

/**
 * {@code reduce_or}: the logical or bitwise or over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceOr(Ints axes) implements LogicalFold {
    @Override
    public String name() { return "reduce_or"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.OR; }

    @Override
    public LogicalFold withAxes(Ints axes) { return new ReduceOr(axes); }
}
