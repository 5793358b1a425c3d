package dev.jaxvm.core;

import dev.jaxvm.DType;

/**
 * The scalar operations that elementwise primitives apply lane by lane: the shared vocabulary of the
 * reference evaluator and the compiler's backends. Each constant carries its arity and whether it
 * yields a bool, and defines its semantics for floating values ({@link #applyDouble}) and for integer
 * and bool values ({@link #applyLong}), the latter given the dtype so that widths and signedness are
 * exact.
 */
public enum ScalarOp {
    NEG(1), SIGN(1), FLOOR(1), CEIL(1), ROUND_AWAY(1), ROUND_EVEN(1), IS_FINITE(1, true),
    EXP(1), EXP2(1), LOG(1), EXPM1(1), LOG1P(1), TANH(1), LOGISTIC(1),
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), ASINH(1), ACOSH(1), ATANH(1),
    SQRT(1), RSQRT(1), CBRT(1), SQUARE(1), ABS(1), NOT(1), POPCNT(1), CLZ(1), COPY(1),
    ERF(1), ERFC(1), ERF_INV(1), LGAMMA(1), DIGAMMA(1),
    ADD(2), SUB(2), MUL(2), DIV(2), REM(2), POW(2), MAX(2), MIN(2), ATAN2(2), NEXTAFTER(2),
    AND(2), OR(2), XOR(2), SHIFT_LEFT(2), SHIFT_RIGHT_ARITHMETIC(2), SHIFT_RIGHT_LOGICAL(2),
    EQ(2, true), NE(2, true), LT(2, true), LE(2, true), GT(2, true), GE(2, true);

    private final int arity;
    private final boolean predicate;

    ScalarOp(int arity) { this(arity, false); }

    ScalarOp(int arity, boolean predicate) {
        this.arity = arity;
        this.predicate = predicate;
    }

    /** Number of operands. */
    public int arity() { return arity; }

    /** Whether the result is a bool regardless of the operand dtype (comparisons, is_finite). */
    public boolean predicate() { return predicate; }

    /** The float semantics (as double; callers round to the dtype). Predicates return 0 or 1. */
    public double applyDouble(double a, double b) {
        return switch (this) {
            case NEG -> -a;
            case SIGN -> Double.isNaN(a) ? a : Math.signum(a);
            case FLOOR -> Math.floor(a);
            case CEIL -> Math.ceil(a);
            case ROUND_AWAY -> Double.isFinite(a) ? Math.copySign(Math.floor(Math.abs(a) + 0.5), a) : a;
            case ROUND_EVEN -> Math.rint(a);
            case IS_FINITE -> Double.isFinite(a) ? 1 : 0;
            case EXP -> Math.exp(a);
            case EXP2 -> Math.pow(2, a);
            case LOG -> Math.log(a);
            case EXPM1 -> Math.expm1(a);
            case LOG1P -> XlaFloat64.log1p(a);
            case TANH -> Math.tanh(a);
            case LOGISTIC -> 1 / (1 + Math.exp(-a));
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ASIN -> Math.asin(a);
            case ACOS -> Math.acos(a);
            case ATAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case ASINH -> asinh(a);
            case ACOSH -> Math.log(a + Math.sqrt(a * a - 1));
            case ATANH -> 0.5 * Math.log1p(2 * a / (1 - a));
            case SQRT -> Math.sqrt(a);
            case RSQRT -> 1 / Math.sqrt(a);
            case CBRT -> Math.cbrt(a);
            case SQUARE -> a * a;
            case ABS -> Math.abs(a);
            case ERF -> SpecialMath.erf(a);
            case ERFC -> SpecialMath.erfc(a);
            case LGAMMA -> SpecialMath.lgamma(a);
            case DIGAMMA -> SpecialMath.digamma(a);
            case NOT, POPCNT, CLZ, AND, OR, XOR, SHIFT_LEFT, SHIFT_RIGHT_ARITHMETIC, SHIFT_RIGHT_LOGICAL ->
                    throw new UnsupportedOperationException(name().toLowerCase() + " is not defined for floats");
            case COPY -> a;
            case ERF_INV -> XlaFloat64.erfInv(a);
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case REM -> a % b;
            case POW -> Math.pow(a, b);
            case MAX -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MIN -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case NEXTAFTER -> Math.nextAfter(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
        };
    }

    /**
     * The float32 semantics: {@link #applyDouble} rounded to float32, except where XLA:CPU computes
     * a float32 function with its own operation sequence ({@code log}, {@code log1p}, {@code erf},
     * {@code erf_inv}, and {@code pow} through the C library's {@code powf}), which {@link XlaFloat32}
     * and {@link XlaPowF32} reproduce bit for bit.
     */
    public float applyFloat(float a, float b) {
        // keep in sync with hasFloat32Form()
        return switch (this) {
            case LOG -> XlaFloat32.log(a);
            case LOG1P -> XlaFloat32.log1p(a);
            case ERF -> XlaFloat32.erf(a);
            case ERF_INV -> XlaFloat32.erfInv(a);
            case POW -> XlaPowF32.pow(a, b);
            case NEXTAFTER -> Math.nextAfter(a, (double) b);
            case NEG, SIGN, FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN, IS_FINITE, EXP, EXP2, EXPM1, TANH, LOGISTIC,
                 SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, ASINH, ACOSH, ATANH, SQRT, RSQRT, CBRT, SQUARE,
                 ABS, NOT, POPCNT, CLZ, COPY, ERFC, LGAMMA, DIGAMMA, ADD, SUB, MUL, DIV, REM, MAX, MIN,
                 ATAN2, AND, OR, XOR, SHIFT_LEFT, SHIFT_RIGHT_ARITHMETIC, SHIFT_RIGHT_LOGICAL, EQ, NE, LT, LE, GT,
                 GE -> (float) applyDouble(a, b);
        };
    }

    /**
     * Whether {@link #applyFloat} differs from rounding {@link #applyDouble} to float32 (XLA:CPU's own
     * float32 sequences, and nextafter's float32 step): compiled float32 code must call
     * {@code applyFloat} for these to give JAX's numbers.
     */
    public boolean hasFloat32Form() {
        return this == LOG || this == LOG1P || this == ERF || this == ERF_INV || this == NEXTAFTER
                || this == POW;
    }

    private static double asinh(double a) {
        double x = Math.abs(a);
        double r = Math.log(x + Math.sqrt(x * x + 1));
        return Math.copySign(r, a);
    }

    /**
     * The integer and bool semantics for operands of dtype {@code t} (values as read by
     * {@link Storage#getLong}); the caller wraps the result to the dtype's width. Division and
     * remainder by zero follow XLA on CPU (x / 0 = -1, x % 0 = x).
     */
    public long applyLong(DType t, long a, long b) {
        boolean u = t.isUnsigned();
        int bits = t.bits();
        return switch (this) {
            case NEG -> -a;
            case SIGN -> u ? (a != 0 ? 1 : 0) : Long.signum(a);
            case FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN, COPY -> a;
            case IS_FINITE -> 1;
            case SQUARE -> a * a;
            case ABS -> u ? a : Math.abs(a);
            case NOT -> t == DType.BOOL ? (a == 0 ? 1 : 0) : ~a;
            case POPCNT -> Long.bitCount(a & mask(bits));
            case CLZ -> Long.numberOfLeadingZeros(a & mask(bits)) - (64 - bits);
            case ADD -> t == DType.BOOL ? (a | b) : a + b;
            case SUB -> a - b;
            case MUL -> t == DType.BOOL ? (a & b) : a * b;
            case DIV -> b == 0 ? -1 : (u ? Long.divideUnsigned(a, b) : (a == Long.MIN_VALUE && b == -1 ? a : a / b));
            case REM -> b == 0 ? a : (u ? Long.remainderUnsigned(a, b) : (b == -1 ? 0 : a % b));
            case POW -> intPow(a, b);
            case MAX -> (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) >= 0 ? a : b;
            case MIN -> (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? a : b;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case SHIFT_LEFT -> (b < 0 || b >= bits) ? 0 : a << b;
            case SHIFT_RIGHT_ARITHMETIC -> (b < 0 || b >= bits) ? (a < 0 ? -1 : 0) : a >> b;
            case SHIFT_RIGHT_LOGICAL -> (b < 0 || b >= bits) ? 0 : (a & mask(bits)) >>> b;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> cmp(u, a, b) < 0 ? 1 : 0;
            case LE -> cmp(u, a, b) <= 0 ? 1 : 0;
            case GT -> cmp(u, a, b) > 0 ? 1 : 0;
            case GE -> cmp(u, a, b) >= 0 ? 1 : 0;
            case EXP, EXP2, LOG, EXPM1, LOG1P, TANH, LOGISTIC, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH,
                 ASINH, ACOSH, ATANH, SQRT, RSQRT, CBRT, ATAN2, NEXTAFTER, ERF, ERFC, ERF_INV, LGAMMA, DIGAMMA ->
                    throw new UnsupportedOperationException(name().toLowerCase() + " is not defined for integers");
        };
    }

    private static int cmp(boolean unsigned, long a, long b) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    private static long mask(int bits) { return bits == 64 ? -1L : (1L << bits) - 1; }

    private static long intPow(long base, long exp) {
        if (exp < 0) return base == 1 ? 1 : (base == -1 ? ((exp & 1) == 0 ? 1 : -1) : 0);
        long r = 1;
        while (exp > 0) {
            if ((exp & 1) != 0) r *= base;
            base *= base;
            exp >>= 1;
        }
        return r;
    }
}
