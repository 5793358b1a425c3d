package dev.jaxvm.lax;

/**
 * The windowed primitives: convolutions, sliding-window reductions (pooling) and the max-pool
 * gradient. Their parameters describe a window sliding over the operand's dimensions with
 * strides, padding and dilations.
 */
public sealed interface WindowPrimitive extends LaxPrimitive
        permits ConvGeneralDilated, ReduceWindow, SelectAndScatterAdd,
                SelectAndGatherAdd {}
