package dev.jaxvm.lax;

/** The primitives that automatic differentiation introduces: accumulation, gradient stops, custom rules. */
public sealed interface AutodiffPrimitive extends LaxPrimitive permits AddAny, StopGradient, CustomJvpCall, CustomVjpCall, CustomLin, Remat {}
