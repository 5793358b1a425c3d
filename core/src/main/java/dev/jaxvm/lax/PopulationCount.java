package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code population_count} primitive, applied elementwise. */
public record PopulationCount() implements UnaryPrimitive, Elementwise, ZeroDerivative {
    @Override
    public String name() { return "population_count"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.POPCNT; }

    @Override
    public boolean accepts(DType t) { return t.isInteger(); }
}
