package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * The NumPy API on jaxvm arrays ({@code jax.numpy}), in camelCase. Every function is written in
 * terms of {@link Lax} primitives, lowering as {@code jnp} does, so it traces, differentiates and
 * prints the same Jaxprs as JAX.
 *
 * <p>Arguments typed {@code Object} accept an {@link Array} or a Java scalar ({@code int},
 * {@code long}, {@code float}, {@code double}: weakly typed, as Python scalars; {@code boolean}).
 * Binary functions promote dtypes with JAX's lattice ({@link Promotion}) and broadcast shapes.
 *
 * {@snippet :
 * Array x = Jnp.arange(6).reshape(2, 3);
 * Array y = Jnp.sin(x).add(Jnp.cos(x).mul(2)).sum(0);
 * }
 */
public final class Jnp {
    private Jnp() {}

    // == section: creation ==

    /** An array from a Java scalar, a (nested) Java primitive array, or an existing array. */
    public static Array array(Object value) { return Creation.array(value, null); }
    /** {@link #array(Object)} with an explicit dtype (strongly typed). */
    public static Array array(Object value, DType dtype) { return Creation.array(value, dtype); }
    /** As {@link #array(Object)}, but returns arrays unchanged. */
    public static Array asarray(Object value) { return value instanceof Array a ? a : array(value); }
    /** Zeros of the default float dtype. */
    public static Array zeros(int... shape) { return CreationOps.full(shape, 0.0, DType.defaultFloat()); }
    /** Zeros of the given dtype. */
    public static Array zeros(int[] shape, DType dtype) { return CreationOps.full(shape, 0, dtype); }
    /** Ones of the default float dtype. */
    public static Array ones(int... shape) { return CreationOps.full(shape, 1.0, DType.defaultFloat()); }
    /** Ones of the given dtype. */
    public static Array ones(int[] shape, DType dtype) { return CreationOps.full(shape, 1, dtype); }
    /** An array of {@code shape} filled with {@code fillValue}, of the value's dtype (Java numbers stay weak). */
    public static Array full(int[] shape, Object fillValue) { return CreationOps.full(shape, fillValue, null); }
    /** An array of {@code shape} filled with {@code fillValue} converted to {@code dtype}. */
    public static Array full(int[] shape, Object fillValue, DType dtype) { return CreationOps.full(shape, fillValue, dtype); }
    /** Zeros with x's shape and dtype. */
    public static Array zerosLike(Object x) { return CreationOps.fullLike(x, 0, null); }
    /** Zeros with x's shape and the given dtype. */
    public static Array zerosLike(Object x, DType dtype) { return CreationOps.fullLike(x, 0, dtype); }
    /** Ones with x's shape and dtype. */
    public static Array onesLike(Object x) { return CreationOps.fullLike(x, 1, null); }
    /** Ones with x's shape and the given dtype. */
    public static Array onesLike(Object x, DType dtype) { return CreationOps.fullLike(x, 1, dtype); }
    /** {@code fillValue} with x's shape and dtype. */
    public static Array fullLike(Object x, Object fillValue) { return CreationOps.fullLike(x, fillValue, null); }
    /** {@code fillValue} with x's shape and the given dtype. */
    public static Array fullLike(Object x, Object fillValue, DType dtype) { return CreationOps.fullLike(x, fillValue, dtype); }
    /** {@code [0, 1, ..., stop - 1]} as the default int ({@code iota}). */
    public static Array arange(int stop) { return CreationOps.arangeInt(stop, null, null, null); }
    /** {@code [start, start + 1, ..., stop - 1]}. */
    public static Array arange(int start, int stop) { return CreationOps.arangeInt(start, (long) stop, null, null); }
    /** {@code start, start + step, ...} while below (or, for negative steps, above) {@code stop}. */
    public static Array arange(int start, int stop, int step) {
        return CreationOps.arangeInt(start, (long) stop, (long) step, null);
    }

    /** Integer-bounded arange of the given dtype. */
    public static Array arange(int start, int stop, int step, DType dtype) {
        return dtype.isFloating() ? CreationOps.arangeFloat((double) start, (double) stop, (double) step, dtype)
                : CreationOps.arangeInt(start, (long) stop, (long) step, dtype);
    }

    /** {@code [0., 1., ..., ceil(stop) - 1]} as the default float. */
    public static Array arange(double stop) { return CreationOps.arangeFloat(stop, null, null, null); }
    /** Float arange from {@code start} by 1. */
    public static Array arange(double start, double stop) { return CreationOps.arangeFloat(start, stop, null, null); }
    /** Float arange ({@code ceil((stop - start) / step)} elements). */
    public static Array arange(double start, double stop, double step) { return CreationOps.arangeFloat(start, stop, step, null); }
    /** Float arange of the given float dtype. */
    public static Array arange(double start, double stop, double step, DType dtype) {
        return CreationOps.arangeFloat(start, stop, step, dtype);
    }

    /** {@code num} evenly spaced values from start to stop inclusive, of the default float dtype. */
    public static Array linspace(Object start, Object stop, int num) { return CreationOps.linspace(start, stop, num, true, null); }
    /** linspace with endpoint control and an optional dtype (integer dtypes floor the values). */
    public static Array linspace(Object start, Object stop, int num, boolean endpoint, DType dtype) {
        return CreationOps.linspace(start, stop, num, endpoint, dtype);
    }

    /** The n x n identity of the default float dtype. */
    public static Array eye(int n) { return CreationOps.eye(n, n, 0, null); }
    /** An n x m array with ones on diagonal k (k > 0 above the main diagonal); dtype null: default float. */
    public static Array eye(int n, int m, int k, DType dtype) { return CreationOps.eye(n, m, k, dtype); }
    /** The n x n identity. */
    public static Array identity(int n) { return CreationOps.eye(n, n, 0, null); }
    /** The n x n identity of {@code dtype}. */
    public static Array identity(int n, DType dtype) { return CreationOps.eye(n, n, 0, dtype); }
    /** Ones at and below the main diagonal of an n x n array. */
    public static Array tri(int n) { return CreationOps.tri(n, n, 0, null); }
    /** Ones at and below diagonal k of an n x m array; dtype null: default float. */
    public static Array tri(int n, int m, int k, DType dtype) { return CreationOps.tri(n, m, k, dtype); }
    /** A 1-D array as a diagonal matrix, or the diagonal of a 2-D array. */
    public static Array diag(Object v) { return Diag.diag(v, 0); }
    /** {@link #diag(Object)} on diagonal k (k > 0 above the main diagonal). */
    public static Array diag(Object v, int k) { return Diag.diag(v, k); }
    /** Coordinate matrices from 1-D arrays, Cartesian ("xy") indexing as NumPy's default. */
    public static List<Array> meshgrid(Object... xs) { return CreationOps.meshgrid(false, xs); }
    /** Coordinate matrices with matrix ("ij", {@code ij = true}) or Cartesian ("xy") indexing. */
    public static List<Array> meshgrid(boolean ij, Object... xs) { return CreationOps.meshgrid(ij, xs); }

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
    public static Array negative(Object x) { return Lax.neg(asarray(x)); }
    /** {@code +x}: x itself. */
    public static Array positive(Object x) { return asarray(x); }
    /** Elementwise maximum (NaN-propagating). */
    public static Array maximum(Object x, Object y) { return BinaryUfuncs.promoted("maximum", x, y, Lax::max); }
    /** Elementwise minimum (NaN-propagating). */
    public static Array minimum(Object x, Object y) { return BinaryUfuncs.promoted("minimum", x, y, Lax::min); }
    /** {@code |x|}; bool and unsigned arrays are returned unchanged. */
    public static Array abs(Object x) { return UnaryUfuncs.abs(x); }
    /** {@code |x|}, as {@link #abs}. */
    public static Array absolute(Object x) { return UnaryUfuncs.abs(x); }
    /** -1, 0 or 1 by the sign of x (NaN stays NaN). */
    public static Array sign(Object x) { return Lax.sign(asarray(x)); }
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
    public static Array bitwiseNot(Object x) { return Lax.bitwiseNot(asarray(x)); }
    /** Bitwise not, as {@link #bitwiseNot}. */
    public static Array invert(Object x) { return Lax.bitwiseNot(asarray(x)); }
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

    // == section: io ==

    /**
     * Saves an array as NumPy's {@code .npy} (appending {@code .npy} to a name without it, as
     * {@code np.save}); returns the path written. bfloat16 is stored as {@code '<V2'}, as
     * {@code jnp.save} does. The file is replaced atomically: a failure leaves no partial file.
     *
     * @throws IOException on a write error
     * @throws IllegalArgumentException for a traced array
     */
    public static java.nio.file.Path save(java.nio.file.Path path, Array x) throws java.io.IOException {
        return NpyIo.save(path, x);
    }

    /**
     * Loads a {@code .npy} file (either byte order, C order; {@code V2} data as bfloat16, as
     * {@code jnp.load}); 64-bit data becomes 32-bit unless x64 is enabled.
     *
     * @throws java.io.IOException naming the file if it is unreadable, corrupt, truncated or Fortran-ordered
     */
    public static Array load(java.nio.file.Path path) throws java.io.IOException { return NpyIo.load(path); }

    /**
     * Saves arrays into an uncompressed {@code .npz} archive ({@code np.savez}), one {@code <name>.npy}
     * entry per map entry, in the map's order; appends {@code .npz} to a name without it.
     *
     * @throws java.io.IOException on a write error
     */
    public static java.nio.file.Path savez(java.nio.file.Path path, java.util.Map<String, ? extends Array> arrays)
            throws java.io.IOException {
        return NpyIo.savez(path, arrays);
    }

    /**
     * Loads every array of a {@code .npz} archive (compressed or not), keyed by name without
     * {@code .npy}, in archive order.
     *
     * @throws java.io.IOException naming the file and entry if the archive or an entry is corrupt
     */
    public static java.util.Map<String, Array> loadNpz(java.nio.file.Path path) throws java.io.IOException {
        return NpyIo.loadNpz(path);
    }

    // == section: shape ==

    /** Row-major reshape; one size may be -1. */
    public static Array reshape(Object x, int... newShape) {
        Array a = asarray(x);
        int[] shape = Axes.resolveReshape(a.shape(), newShape);
        return java.util.Arrays.equals(shape, a.shape()) ? a : Lax.reshape(a, shape);
    }

    /** Permutes the axes (reverses them when none are given). */
    public static Array transpose(Object x, int... axes) {
        Array a = asarray(x);
        int r = a.ndim();
        int[] perm = new int[r];
        if (axes.length == 0) {
            for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        } else {
            if (axes.length != r) throw new IllegalArgumentException("transpose: axes " + java.util.Arrays.toString(axes)
                    + " don't match array of dimension " + r);
            for (int i = 0; i < r; i++) perm[i] = Axes.normalize("transpose", axes[i], r);
        }
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= perm[i] == i;
        return identity ? a : Lax.transpose(a, perm);
    }

    /** Removes the given size-1 axes, or all size-1 axes when none are given. */
    public static Array squeeze(Object x, int... axes) {
        Array a = asarray(x);
        int[] shape = a.shape();
        List<Integer> dims = new ArrayList<>();
        if (axes.length == 0) {
            for (int i = 0; i < shape.length; i++) if (shape[i] == 1) dims.add(i);
        } else {
            for (int ax : Axes.canonical("squeeze", axes, shape.length)) dims.add(ax);
        }
        return dims.isEmpty() ? a : Lax.squeeze(a, dims.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Inserts size-1 axes at the given positions of the result. */
    public static Array expandDims(Object x, int... axes) {
        Array a = asarray(x);
        int outRank = a.ndim() + axes.length;
        boolean[] isNew = new boolean[outRank];
        for (int ax : axes) {
            int k = Axes.normalize("expand_dims", ax, outRank);
            if (isNew[k]) throw new IllegalArgumentException("expand_dims: repeated axis " + ax);
            isNew[k] = true;
        }
        int[] shape = new int[outRank];
        int[] dims = new int[a.ndim()];
        int[] in = a.shape();
        for (int i = 0, j = 0; i < outRank; i++) {
            if (isNew[i]) shape[i] = 1;
            else {
                shape[i] = in[j];
                dims[j++] = i;
            }
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    /** Broadcasts {@code x} to {@code shape} with NumPy's rules. */
    public static Array broadcastTo(Object x, int... shape) {
        Array a = asarray(x);
        int[] in = a.shape();
        if (java.util.Arrays.equals(in, shape)) return a;
        int r = shape.length;
        if (in.length > r) throw incompatibleBroadcast(in, shape);
        int[] dims = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int k = r - in.length + i;
            if (in[i] != 1 && in[i] != shape[k]) throw incompatibleBroadcast(in, shape);
            dims[i] = k;
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    private static IllegalArgumentException incompatibleBroadcast(int[] in, int[] shape) {
        return new IllegalArgumentException("Incompatible shapes for broadcasting: " + dev.jaxvm.core.Py.tuple(in)
                + " and requested shape " + dev.jaxvm.core.Py.tuple(shape));
    }

    /** Stacks arrays along a new axis. */
    public static Array stack(List<? extends Object> arrays, int axis) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("Need at least one array to stack.");
        List<Array> xs = Promote.promoteArgs("stack", arrays.toArray());
        int r = xs.getFirst().ndim();
        return Lax.stack(xs, Axes.normalize("stack", axis, r + 1));
    }

    /** This array converted to {@code dtype}. */
    public static Array astype(Object x, DType dtype) { return Lax.convertElementType(asarray(x), dtype.canonicalize()); }

    // == section: linalg ==

    /** Matrix product. */
    public static Array matmul(Object x, Object y) { throw new UnsupportedOperationException("matmul: not implemented yet"); }

    /** The abstract type of an array-like argument: Java scalars are weak (bool is strong). */
    static ArrayType typeOf(Object x) { return Promote.typeOf(x); }
}
