package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.lax.Lax;

/**
 * The elementwise functions and reductions of {@link Jnp}, which inherits them: call them as
 * {@code Jnp.add(x, y)} or {@code Jnp::sin}, not through this class. (A sealed superclass keeps each
 * facade file within the line budget; it is public so that method references such as
 * {@code Jnp::sin} link from other modules.)
 *
 * {@snippet :
 * Array y = Jnp.sum(Jnp.where(Jnp.isnan(x), 0.0, x), 0);
 * }
 */
public abstract sealed class JnpMath permits Jnp {
    JnpMath() {}

    // == section: elementwise ==

    /** {@code x + y}; on bools, logical or. */
    public static Array add(Object x, Object y) { return BinaryUfuncs.add(x, y); }
    /** {@code x - y} (not defined on bools). */
    public static Array subtract(Object x, Object y) { return BinaryUfuncs.promoted("subtract", x, y, Lax::sub); }
    /** {@code x * y}; on bools, logical and. */
    public static Array multiply(Object x, Object y) { return BinaryUfuncs.multiply(x, y); }
    /** True division {@code x / y}: integer and bool operands give floats. */
    public static Array divide(Object x, Object y) { return BinaryUfuncs.inexact("divide", x, y, Lax::div); }
    /** True division, as {@link #divide}. */
    public static Array trueDivide(Object x, Object y) { return BinaryUfuncs.inexact("true_divide", x, y, Lax::div); }
    /** Floor division {@code x // y}, rounding toward minus infinity. */
    public static Array floorDivide(Object x, Object y) { return BinaryUfuncs.floorDivide(x, y); }
    /** NumPy's {@code x % y}: the result takes the divisor's sign. */
    public static Array mod(Object x, Object y) { return BinaryUfuncs.remainder(x, y); }
    /** NumPy's remainder, as {@link #mod}. */
    public static Array remainder(Object x, Object y) { return BinaryUfuncs.remainder(x, y); }
    /** C's fmod: the result takes the dividend's sign. */
    public static Array fmod(Object x, Object y) { return BinaryUfuncs.fmod(x, y); }
    /**
     * {@code x ** y}. A Java {@code int} or {@code long} exponent is static and lowers to
     * {@code integer_pow} (exact repeated multiplication), as {@code jnp.power} does for Python ints.
     */
    public static Array power(Object x, Object y) { return BinaryUfuncs.power(x, y); }
    /** {@code -x}. */
    public static Array negative(Object x) { return Lax.neg(Jnp.asarray(x)); }
    /** {@code +x}: x itself. */
    public static Array positive(Object x) { return Jnp.asarray(x); }
    /** Elementwise maximum (NaN-propagating). */
    public static Array maximum(Object x, Object y) { return BinaryUfuncs.promoted("maximum", x, y, Lax::max); }
    /** Elementwise minimum (NaN-propagating). */
    public static Array minimum(Object x, Object y) { return BinaryUfuncs.promoted("minimum", x, y, Lax::min); }
    /** {@code |x|}; bool and unsigned arrays are returned unchanged. */
    public static Array abs(Object x) { return UnaryUfuncs.abs(x); }
    /** {@code |x|}, as {@link #abs}. */
    public static Array absolute(Object x) { return UnaryUfuncs.abs(x); }
    /** -1, 0 or 1 by the sign of x (NaN stays NaN). */
    public static Array sign(Object x) { return Lax.sign(Jnp.asarray(x)); }
    /** {@code x * x}; bools become the default int first. */
    public static Array square(Object x) { return UnaryUfuncs.numeric("square", x, Lax::square); }
    /** Square root. */
    public static Array sqrt(Object x) { return UnaryUfuncs.inexact("sqrt", x, Lax::sqrt); }
    /** Cube root. */
    public static Array cbrt(Object x) { return UnaryUfuncs.inexact("cbrt", x, Lax::cbrt); }
    /** {@code 1 / x} ({@code integer_pow[y=-1]}). */
    public static Array reciprocal(Object x) { return UnaryUfuncs.reciprocal(x); }
    /** {@code e ** x}. */
    public static Array exp(Object x) { return UnaryUfuncs.inexact("exp", x, Lax::exp); }
    /** {@code 2 ** x}. */
    public static Array exp2(Object x) { return UnaryUfuncs.inexact("exp2", x, Lax::exp2); }
    /** {@code e ** x - 1}, accurate near 0. */
    public static Array expm1(Object x) { return UnaryUfuncs.inexact("expm1", x, Lax::expm1); }
    /** Natural logarithm. */
    public static Array log(Object x) { return UnaryUfuncs.inexact("log", x, Lax::log); }
    /** Base-2 logarithm. */
    public static Array log2(Object x) { return UnaryUfuncs.log2(x); }
    /** Base-10 logarithm. */
    public static Array log10(Object x) { return UnaryUfuncs.log10(x); }
    /** {@code log(1 + x)}, accurate near 0. */
    public static Array log1p(Object x) { return UnaryUfuncs.inexact("log1p", x, Lax::log1p); }
    /** {@code log(exp(x) + exp(y))} without overflow. */
    public static Array logaddexp(Object x, Object y) { return BinaryUfuncs.logaddexp(x, y); }
    /** Sine. */
    public static Array sin(Object x) { return UnaryUfuncs.inexact("sin", x, Lax::sin); }
    /** Cosine. */
    public static Array cos(Object x) { return UnaryUfuncs.inexact("cos", x, Lax::cos); }
    /** Tangent. */
    public static Array tan(Object x) { return UnaryUfuncs.inexact("tan", x, Lax::tan); }
    /** Inverse sine. */
    public static Array arcsin(Object x) { return UnaryUfuncs.inexact("arcsin", x, Lax::asin); }
    /** Inverse cosine. */
    public static Array arccos(Object x) { return UnaryUfuncs.inexact("arccos", x, Lax::acos); }
    /** Inverse tangent. */
    public static Array arctan(Object x) { return UnaryUfuncs.inexact("arctan", x, Lax::atan); }
    /** The angle of the point (x2, x1): {@code atan2(x1, x2)}. */
    public static Array arctan2(Object x1, Object x2) { return BinaryUfuncs.inexact("arctan2", x1, x2, Lax::atan2); }
    /** Hyperbolic sine. */
    public static Array sinh(Object x) { return UnaryUfuncs.inexact("sinh", x, Lax::sinh); }
    /** Hyperbolic cosine. */
    public static Array cosh(Object x) { return UnaryUfuncs.inexact("cosh", x, Lax::cosh); }
    /** Hyperbolic tangent. */
    public static Array tanh(Object x) { return UnaryUfuncs.inexact("tanh", x, Lax::tanh); }
    /** Inverse hyperbolic sine. */
    public static Array arcsinh(Object x) { return UnaryUfuncs.inexact("arcsinh", x, Lax::asinh); }
    /** Inverse hyperbolic cosine. */
    public static Array arccosh(Object x) { return UnaryUfuncs.arccosh(x); }
    /** Inverse hyperbolic tangent. */
    public static Array arctanh(Object x) { return UnaryUfuncs.inexact("arctanh", x, Lax::atanh); }
    /** Degrees to radians. */
    public static Array deg2rad(Object x) { return UnaryUfuncs.deg2rad(x); }
    /** Radians to degrees. */
    public static Array rad2deg(Object x) { return UnaryUfuncs.rad2deg(x); }
    /** {@code sqrt(x * x + y * y)} without overflow. */
    public static Array hypot(Object x, Object y) { return BinaryUfuncs.hypot(x, y); }
    /** Rounds to the nearest integer, halfway cases to even (integers are unchanged). */
    public static Array round(Object x) { return UnaryUfuncs.round(x, 0); }
    /** Rounds to {@code decimals} decimal places, halfway cases to even. */
    public static Array round(Object x, int decimals) { return UnaryUfuncs.round(x, decimals); }
    /** Rounds toward minus infinity (integers are unchanged). */
    public static Array floor(Object x) { return UnaryUfuncs.floor(x); }
    /** Rounds toward plus infinity (integers are unchanged). */
    public static Array ceil(Object x) { return UnaryUfuncs.ceil(x); }
    /** Rounds toward zero (integers are unchanged). */
    public static Array trunc(Object x) { return UnaryUfuncs.trunc(x); }
    /** Rounds to the nearest integer, halfway cases to even; integers become floats. */
    public static Array rint(Object x) { return UnaryUfuncs.rint(x); }
    /** Whether x is NaN. */
    public static Array isnan(Object x) { return UnaryUfuncs.isnan(x); }
    /** Whether x is infinite. */
    public static Array isinf(Object x) { return UnaryUfuncs.isinf(x); }
    /** Whether x is neither infinite nor NaN. */
    public static Array isfinite(Object x) { return UnaryUfuncs.isfinite(x); }
    /** Whether the sign bit is set (true for -0.0). */
    public static Array signbit(Object x) { return UnaryUfuncs.signbit(x); }
    /** {@code x < y}. */
    public static Array less(Object x, Object y) { return BinaryUfuncs.promoted("less", x, y, Lax::lt); }
    /** {@code x <= y}. */
    public static Array lessEqual(Object x, Object y) { return BinaryUfuncs.promoted("less_equal", x, y, Lax::le); }
    /** {@code x > y}. */
    public static Array greater(Object x, Object y) { return BinaryUfuncs.promoted("greater", x, y, Lax::gt); }
    /** {@code x >= y}. */
    public static Array greaterEqual(Object x, Object y) { return BinaryUfuncs.promoted("greater_equal", x, y, Lax::ge); }
    /** {@code x == y}. */
    public static Array equal(Object x, Object y) { return BinaryUfuncs.promoted("equal", x, y, Lax::eq); }
    /** {@code x != y}. */
    public static Array notEqual(Object x, Object y) { return BinaryUfuncs.promoted("not_equal", x, y, Lax::ne); }
    /** Logical and of the truth values. */
    public static Array logicalAnd(Object x, Object y) { return BinaryUfuncs.logical("logical_and", x, y, Lax::bitwiseAnd); }
    /** Logical or of the truth values. */
    public static Array logicalOr(Object x, Object y) { return BinaryUfuncs.logical("logical_or", x, y, Lax::bitwiseOr); }
    /** Logical xor of the truth values. */
    public static Array logicalXor(Object x, Object y) { return BinaryUfuncs.logical("logical_xor", x, y, Lax::bitwiseXor); }
    /** Logical not of the truth value. */
    public static Array logicalNot(Object x) { return UnaryUfuncs.logicalNot(x); }
    /** Bitwise (ints) or logical (bools) and. */
    public static Array bitwiseAnd(Object x, Object y) { return BinaryUfuncs.promoted("bitwise_and", x, y, Lax::bitwiseAnd); }
    /** Bitwise (ints) or logical (bools) or. */
    public static Array bitwiseOr(Object x, Object y) { return BinaryUfuncs.promoted("bitwise_or", x, y, Lax::bitwiseOr); }
    /** Bitwise (ints) or logical (bools) xor. */
    public static Array bitwiseXor(Object x, Object y) { return BinaryUfuncs.promoted("bitwise_xor", x, y, Lax::bitwiseXor); }
    /** Bitwise (ints) or logical (bools) not. */
    public static Array bitwiseNot(Object x) { return Lax.bitwiseNot(Jnp.asarray(x)); }
    /** Bitwise not, as {@link #bitwiseNot}. */
    public static Array invert(Object x) { return Lax.bitwiseNot(Jnp.asarray(x)); }
    /** {@code x << y}. */
    public static Array leftShift(Object x, Object y) { return BinaryUfuncs.numeric("left_shift", x, y, Lax::shiftLeft); }
    /** {@code x >> y}: arithmetic for signed, logical for unsigned dtypes. */
    public static Array rightShift(Object x, Object y) { return BinaryUfuncs.rightShift(x, y); }
    /** Elementwise choice: x where condition is true (non-zero), else y; all three broadcast. */
    public static Array where(Object condition, Object x, Object y) { return BinaryUfuncs.where(condition, x, y); }
    /** Limits x to [min, max]; a null bound is not applied; max wins when min > max. */
    public static Array clip(Object x, Object min, Object max) { return BinaryUfuncs.clip(x, min, max); }

    // == section: reductions ==

    /** Sum over {@code axes} (all when none); bool and narrow integers sum in the default (u)int width. */
    public static Array sum(Object x, int... axes) { return sum(x, axes.length == 0 ? null : axes, false); }
    /** Sum over {@code axes} (null: all), keeping reduced axes as size 1 when {@code keepdims}. */
    public static Array sum(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.sumLike("sum", x, axes, keepdims, Lax::reduceSum);
    }

    /** Product over {@code axes} (all when none), promoting as {@link #sum}. */
    public static Array prod(Object x, int... axes) { return prod(x, axes.length == 0 ? null : axes, false); }
    /** Product over {@code axes} (null: all), with keepdims. */
    public static Array prod(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.sumLike("prod", x, axes, keepdims, Lax::reduceProd);
    }

    /** Mean over {@code axes} (all when none); integers give floats. */
    public static Array mean(Object x, int... axes) { return mean(x, axes.length == 0 ? null : axes, false); }
    /** Mean over {@code axes} (null: all), with keepdims. */
    public static Array mean(Object x, int[] axes, boolean keepdims) { return ReductionOps.mean(x, axes, keepdims); }
    /** Variance (ddof 0) over {@code axes} (all when none). */
    public static Array var(Object x, int... axes) { return var(x, axes.length == 0 ? null : axes, 0, false); }
    /** Variance over {@code axes} (null: all) dividing by {@code n - ddof} (NaN when that is not positive). */
    public static Array var(Object x, int[] axes, int ddof, boolean keepdims) {
        return ReductionOps.var(x, axes, ddof, keepdims);
    }

    /** Standard deviation (ddof 0) over {@code axes} (all when none). */
    public static Array std(Object x, int... axes) { return std(x, axes.length == 0 ? null : axes, 0, false); }
    /** Standard deviation over {@code axes} (null: all), with ddof and keepdims. */
    public static Array std(Object x, int[] axes, int ddof, boolean keepdims) {
        return ReductionOps.std(x, axes, ddof, keepdims);
    }

    /** Maximum over {@code axes} (all when none); an empty reduced axis is an error. */
    public static Array max(Object x, int... axes) { return max(x, axes.length == 0 ? null : axes, false); }
    /** Maximum over {@code axes} (null: all), with keepdims. */
    public static Array max(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.maxLike("max", x, axes, keepdims, Lax::reduceMax);
    }

    /** Minimum over {@code axes} (all when none); an empty reduced axis is an error. */
    public static Array min(Object x, int... axes) { return min(x, axes.length == 0 ? null : axes, false); }
    /** Minimum over {@code axes} (null: all), with keepdims. */
    public static Array min(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.maxLike("min", x, axes, keepdims, Lax::reduceMin);
    }

    /** Index of the maximum of the flattened array (first on ties; NaN wins). */
    public static Array argmax(Object x) { return ReductionOps.argLike("argmax", x, null, false, true); }
    /** Index of the maximum along {@code axis}. */
    public static Array argmax(Object x, int axis) { return ReductionOps.argLike("argmax", x, axis, false, true); }
    /** argmax along {@code axis} (null: flattened), with keepdims. */
    public static Array argmax(Object x, Integer axis, boolean keepdims) {
        return ReductionOps.argLike("argmax", x, axis, keepdims, true);
    }

    /** Index of the minimum of the flattened array (first on ties; NaN wins). */
    public static Array argmin(Object x) { return ReductionOps.argLike("argmin", x, null, false, false); }
    /** Index of the minimum along {@code axis}. */
    public static Array argmin(Object x, int axis) { return ReductionOps.argLike("argmin", x, axis, false, false); }
    /** argmin along {@code axis} (null: flattened), with keepdims. */
    public static Array argmin(Object x, Integer axis, boolean keepdims) {
        return ReductionOps.argLike("argmin", x, axis, keepdims, false);
    }

    /** Whether all elements over {@code axes} (all when none) are true (non-zero). */
    public static Array all(Object x, int... axes) { return all(x, axes.length == 0 ? null : axes, false); }
    /** {@link #all(Object, int...)} over {@code axes} (null: all), with keepdims. */
    public static Array all(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.boolLike("all", x, axes, keepdims, Lax::reduceAnd);
    }

    /** Whether any element over {@code axes} (all when none) is true (non-zero). */
    public static Array any(Object x, int... axes) { return any(x, axes.length == 0 ? null : axes, false); }
    /** {@link #any(Object, int...)} over {@code axes} (null: all), with keepdims. */
    public static Array any(Object x, int[] axes, boolean keepdims) {
        return ReductionOps.boolLike("any", x, axes, keepdims, Lax::reduceOr);
    }

    /** Cumulative sum of the flattened array; bools become the default int. */
    public static Array cumsum(Object x) { return ReductionOps.cumulative("cumsum", x, null, false); }
    /** Cumulative sum along {@code axis}. */
    public static Array cumsum(Object x, int axis) { return ReductionOps.cumulative("cumsum", x, axis, false); }
    /** Cumulative product of the flattened array; bools become the default int. */
    public static Array cumprod(Object x) { return ReductionOps.cumulative("cumprod", x, null, true); }
    /** Cumulative product along {@code axis}. */
    public static Array cumprod(Object x, int axis) { return ReductionOps.cumulative("cumprod", x, axis, true); }
}
