package dev.jaxvm.lax;

/** The primitives whose parameters hold Jaxprs they run (call primitives such as {@code jit}). */
public sealed interface HigherOrderPrimitive extends LaxPrimitive permits Jit, Cond, While, Scan {}
