package dev.jaxvm.lax;

import dev.jaxvm.Array;
import java.util.List;

/**
 * {@code psum}: the elementwise sum of the operand over all indices of the mapped axis
 * {@code axisName}; every index gets the result.
 *
 * @param axisName the name of the mapped axis (as given to {@code vmap})
 */
public record Psum(String axisName) implements AllReduce, Linear {
    /** @throws NullPointerException if the axis name is null */
    public Psum {
        java.util.Objects.requireNonNull(axisName, "axisName");
    }

    @Override
    public String name() { return "psum"; }

    @Override
    public Array reduce(Array x, int axis) { return Lax.reduceSum(x, axis); }

    @Override
    public Array unmapped(Array x, int axisSize) { return Lax.mul(x, Collectives.scalarLike(x, axisSize)); }

    /** Every example's output is the sum of all inputs, so each input's cotangent is the sum of all output cotangents. */
    @Override
    public List<Array> transpose(List<Array> cts, List<Transposable.Operand> operands) {
        return List.of(Lax.psum(cts.getFirst(), axisName));
    }
}
