package dev.jaxvm.lax;

/** The primitives that read or write data at computed positions: dynamic slices, gathers and scatters. */
public sealed interface IndexingPrimitive extends LaxPrimitive
        permits DynamicSlice, DynamicUpdateSlice, Gather, ScatterPrimitive {}
