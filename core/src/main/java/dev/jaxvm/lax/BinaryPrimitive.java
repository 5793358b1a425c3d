package dev.jaxvm.lax;

/** The elementwise binary primitives of the catalog. */
public sealed interface BinaryPrimitive extends LaxPrimitive
        permits Add, Sub, Mul, Div, Rem, Pow, Max, Min, Atan2, Nextafter, And, Or, Xor, ShiftLeft, ShiftRightArithmetic, ShiftRightLogical, Eq, Ne, Lt, Le, Gt, Ge, SpecialBinary {}
