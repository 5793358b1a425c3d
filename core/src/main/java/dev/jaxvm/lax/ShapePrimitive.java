package dev.jaxvm.lax;

/** The primitives that convert dtypes or move data without arithmetic (shape manipulation, slicing). */
public sealed interface ShapePrimitive extends LaxPrimitive
        permits ConvertElementType, BroadcastInDim, Reshape, Squeeze, Transpose, Slice, Stack, SelectN, Iota,
        Concatenate, Split, Pad, Rev, Tile, BitcastConvertType, Unstack {}
