package dev.jaxvm.lax;

/** The elementwise unary primitives of the catalog. */
public sealed interface UnaryPrimitive extends LaxPrimitive
        permits Neg, Sign, Floor, Ceil, IsFinite, Exp, Exp2, Log, Expm1, Log1p, Tanh, Logistic, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Asinh, Acosh, Atanh, Sqrt, Rsqrt, Cbrt, Square, Abs, Not, PopulationCount, Clz, Copy, Round, IntegerPow, Erf, Erfc, ErfInv, Lgamma, Digamma, ReducePrecision {}
