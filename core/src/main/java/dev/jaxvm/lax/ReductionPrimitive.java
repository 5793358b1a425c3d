package dev.jaxvm.lax;

/** The reduction and scan primitives. */
public sealed interface ReductionPrimitive extends LaxPrimitive permits ReduceSum {}
