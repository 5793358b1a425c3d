package dev.jaxvm.lax;

/** The reduction and scan primitives. */
public sealed interface ReductionPrimitive extends LaxPrimitive permits ReduceSum, ReduceMax, ReduceMin, ReduceProd, LogicalFold, Argmax, Argmin, Cumsum, Cumprod, Cummax, Cummin, Cumlogsumexp {}
