package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;

/**
 * {@code reduce_and}: the logical or bitwise and over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceAnd(Ints axes) implements LogicalFold {
    @Override
    public String name() { return "reduce_and"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.AND; }

    @Override
    public LogicalFold withAxes(Ints axes) { return new ReduceAnd(axes); }
}
