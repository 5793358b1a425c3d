package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;

/**
 * The collectives of the {@code lax} API ({@code psum}, {@code pmean}, {@code pmax}, {@code pmin},
 * {@code all_gather}, {@code axis_index}), called as {@code Lax.psum(...)}: {@link Lax} inherits
 * these static methods, which live here to keep {@code Lax.java} within the line budget.
 *
 * {@snippet :
 * Array sums = Jax.vmap(x -> Lax.psum(x, "i"), 0, 0, null, "i").apply(xs);   // every row: the column sums
 * }
 */
public abstract sealed class LaxCollectives permits LaxControlFlow {
    LaxCollectives() {}

    /** The sum of {@code x} over the vmap axis named {@code axisName} ({@code lax.psum}); unbound names raise. */
    public static Array psum(Array x, String axisName) { return Trace.bind1(new Psum(axisName), x); }

    /** The maximum of {@code x} over the vmap axis named {@code axisName} ({@code lax.pmax}). */
    public static Array pmax(Array x, String axisName) { return Trace.bind1(new Pmax(axisName), x); }

    /** The minimum of {@code x} over the vmap axis named {@code axisName} ({@code lax.pmin}). */
    public static Array pmin(Array x, String axisName) { return Trace.bind1(new Pmin(axisName), x); }

    /** The mean over the vmap axis {@code axisName} ({@code lax.pmean}: psum divided by the axis size). */
    public static Array pmean(Array x, String axisName) { return Collectives.pmean(x, axisName); }

    /** Every example's {@code x} stacked (or, {@code tiled}, concatenated) along {@code axis} ({@code lax.all_gather}). */
    public static Array allGather(Array x, String axisName, int axis, boolean tiled) {
        return Collectives.allGather(x, axisName, axis, tiled);
    }

    /** {@link #allGather(Array, String, int, boolean)} stacking along a new leading axis. */
    public static Array allGather(Array x, String axisName) { return Lax.allGather(x, axisName, 0, false); }

    /** The index of the current example along the vmap axis {@code axisName} ({@code lax.axis_index}). */
    public static Array axisIndex(String axisName) { return Trace.bind1(new AxisIndex(axisName)); }
}
