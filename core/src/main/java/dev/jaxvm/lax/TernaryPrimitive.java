package dev.jaxvm.lax;

/** The elementwise primitives of three operands ({@code clamp}). */
public sealed interface TernaryPrimitive extends LaxPrimitive permits Clamp {}
