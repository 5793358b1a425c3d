package dev.jaxvm.lax;

/**
 * The collectives over a named mapped axis ({@code psum}, {@code pmax}, {@code all_gather},
 * {@code axis_index}, ...): meaningful only inside a transformation that binds the axis name, such
 * as {@code vmap} with {@code axisName}; evaluating one outside raises "unbound axis name".
 */
public sealed interface CollectivePrimitive extends LaxPrimitive, Collective
        permits AllReduce, AllGather, AxisIndex {}
