package dev.jaxvm.lax;

import dev.jaxvm.Array;

/**
 * {@code pmax}: the elementwise maximum of the operand over all indices of the mapped axis
 * {@code axisName}; every index gets the result.
 *
 * @param axisName the name of the mapped axis (as given to {@code vmap})
 */
public record Pmax(String axisName) implements AllReduce {
    /** @throws NullPointerException if the axis name is null */
    public Pmax {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "pmax"; }

    @Override
    public Array reduce(Array x, int axis) { return Lax.reduceMax(x, axis); }

    @Override
    public Array unmapped(Array x, int axisSize) { return x; }
}
