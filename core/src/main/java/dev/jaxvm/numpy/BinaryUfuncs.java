package dev.jaxvm.numpy;

import static dev.jaxvm.numpy.UnaryUfuncs.constLike;
import static dev.jaxvm.numpy.UnaryUfuncs.zeroLike;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Round;
import java.util.List;
import java.util.function.BinaryOperator;

/** jnp's binary elementwise functions, lowered to the primitives {@code jax.numpy} uses. */
final class BinaryUfuncs {
    private BinaryUfuncs() {}

    static Array promoted(String fn, Object x, Object y, BinaryOperator<Array> op) {
        List<Array> a = Promote.promoteArgs(fn, x, y);
        return op.apply(a.get(0), a.get(1));
    }

    static Array inexact(String fn, Object x, Object y, BinaryOperator<Array> op) {
        List<Array> a = Promote.promoteArgsInexact(fn, x, y);
        return op.apply(a.get(0), a.get(1));
    }

    static Array numeric(String fn, Object x, Object y, BinaryOperator<Array> op) {
        List<Array> a = Promote.promoteArgsNumeric(fn, x, y);
        return op.apply(a.get(0), a.get(1));
    }

    /** add; on bools it is logical or. */
    static Array add(Object x, Object y) {
        return promoted("add", x, y, (a, b) -> a.dtype() == DType.BOOL ? Lax.bitwiseOr(a, b) : Lax.add(a, b));
    }

    /** multiply; on bools it is logical and. */
    static Array multiply(Object x, Object y) {
        return promoted("multiply", x, y, (a, b) -> a.dtype() == DType.BOOL ? Lax.bitwiseAnd(a, b) : Lax.mul(a, b));
    }

    /** Floor division: rounds toward -inf (NumPy), by JAX's exact lowering for ints and floats. */
    static Array floorDivide(Object x, Object y) {
        Promote.checkArgs("floor_divide", x, y);
        return NamedCall.call1("floor_divide", List.of(Jnp.asarray(x), Jnp.asarray(y)), List.of(), (as0, st) -> {
            List<Array> as = Promote.promoteArgsNumeric("floor_divide", as0.get(0), as0.get(1));
            Array x1 = as.get(0), x2 = as.get(1);
            if (x1.dtype().isUnsigned()) return Lax.div(x1, x2);
            if (x1.dtype().isInteger()) {
                Array div = Lax.div(x1, x2);
                Array select = Lax.bitwiseAnd(Lax.ne(Lax.sign(x1), Lax.sign(x2)),
                        Lax.ne(Lax.rem(x1, x2), zeroLike(x1)));
                return Jnp.where(select, Lax.sub(div, constLike(div, 1)), div);
            }
            return floatDivmod(x1, x2)[0];
        });
    }

    /** CPython's float divmod as jnp lowers it: {quotient rounded away from zero, modulus}. */
    private static Array[] floatDivmod(Array x1, Array x2) {
        Array mod = Lax.rem(x1, x2);
        Array div = Lax.div(Jnp.where(Lax.eq(x2, constLike(x2, 0)), x1, Lax.sub(x1, mod)), x2);
        Array ind = Lax.bitwiseAnd(Lax.ne(mod, constLike(mod, 0)), Lax.ne(Lax.sign(x2), Lax.sign(mod)));
        mod = Lax.select(ind, Lax.add(mod, x2), mod);
        div = Lax.select(ind, Lax.sub(div, constLike(div, 1)), div);
        return new Array[] {Lax.round(div, Round.AWAY_FROM_ZERO), mod};
    }

    /** NumPy's remainder: the result has the divisor's sign; integer x % 0 is 0. */
    static Array remainder(Object x, Object y) {
        Promote.checkArgs("remainder", x, y);
        return NamedCall.call1("remainder", List.of(Jnp.asarray(x), Jnp.asarray(y)), List.of(), (as0, st) -> {
            List<Array> as = Promote.promoteArgsNumeric("remainder", as0.get(0), as0.get(1));
            Array x1 = as.get(0), d = as.get(1);
            if (d.dtype().isInteger()) {
                d = Jnp.where(Lax.eq(d, zeroLike(d)), Jnp.onesLike(d), d);
            }
            Array trunc = Lax.rem(x1, d);
            Array zero = zeroLike(trunc);
            Array notZero = Lax.ne(trunc, zero);
            Array doPlus = Lax.bitwiseAnd(Lax.ne(Lax.lt(trunc, zero), Lax.lt(d, zero)), notZero);
            return Lax.select(doPlus, Lax.add(trunc, d), trunc);
        });
    }

    /** C's fmod: the result has the dividend's sign; integer x % 0 is 0. */
    static Array fmod(Object x, Object y) {
        Boolean check = Promote.checkArgs("fmod", x, y).isInteger();
        return NamedCall.call1("fmod", List.of(Jnp.asarray(x), Jnp.asarray(y)), check, (as0, intCheck) -> {
            Array d = as0.get(1);
            if (intCheck) d = Jnp.where(Jnp.equal(d, 0), Jnp.onesLike(d), d);
            List<Array> as = Promote.promoteArgsNumeric("fmod", as0.get(0), d);
            return Lax.rem(as.get(0), as.get(1));
        });
    }

    /** {@code x ** y}: a Java int exponent lowers to {@code integer_pow}, as jnp does for static ints. */
    static Array power(Object x, Object y) {
        if (y instanceof Integer || y instanceof Long || y instanceof Short || y instanceof Byte) {
            long e = ((Number) y).longValue();
            if (e < Integer.MIN_VALUE || e > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("power: exponent " + e + " does not fit in an int");
            }
            Array b = Promote.promoteArgsNumeric("power", x).getFirst();
            return Lax.integerPow(b, (int) e);
        }
        // jnp's _power promotes shapes before dtypes.
        boolean arrays = x instanceof Array && y instanceof Array;
        List<Object> shaped = arrays ? List.copyOf(Promote.promoteShapes("power", List.of((Array) x, (Array) y)))
                : java.util.Arrays.asList(x, y);
        List<Array> a = Promote.promoteDTypesNumeric("power", shaped.get(0), shaped.get(1));
        Array x1 = a.get(0), x2 = a.get(1);
        if (x1.dtype().isInteger()) return powIntInt(x1, x2);
        if (shaped.get(1) instanceof Array rawY && rawY.dtype().isInteger() && x1.dtype().isFloating() && x2 != rawY) {
            // jnp passes an integer exponent array straight to pow (its float conversion is unused).
            return Lax.pow(x1, rawY);
        }
        return Lax.pow(x1, x2);
    }

    /** Integer ** integer by six rounds of binary exponentiation, as jnp's {@code _pow_int_int}. */
    private static Array powIntInt(Array x1, Array x2) {
        Array zero = constLike(x2, 0), one = constLike(x2, 1);
        Array acc = Jnp.where(Lax.bitwiseAnd(Lax.eq(x1, zero), Lax.ne(x2, zero)), zero, one);
        for (int i = 0; i < 6; i++) {
            acc = Jnp.where(Lax.bitwiseAnd(x2, one), Lax.mul(acc, x1), acc);
            x1 = Lax.mul(x1, x1);
            x2 = Lax.shiftRightLogical(x2, one);
        }
        return acc;
    }

    static Array hypot(Object x, Object y) {
        Promote.checkArgs("hypot", x, y);
        return NamedCall.call1("hypot", List.of(Jnp.asarray(x), Jnp.asarray(y)), List.of(), (as0, st) -> {
            List<Array> as = Promote.promoteArgsInexact("hypot", as0.get(0), as0.get(1));
            Array x1 = Lax.abs(as.get(0)), x2 = Lax.abs(as.get(1));
            Array inf = constLike(x1, Double.POSITIVE_INFINITY);
            Array idxInf = Lax.bitwiseOr(Lax.eq(x1, inf), Lax.eq(x2, inf));
            Array big = Lax.max(x1, x2), small = Lax.min(x1, x2);
            Array zero = constLike(big, 0);
            Array isZero = Lax.eq(big, zero);
            Array safe = Jnp.where(Lax.eq(big, zero), Jnp.onesLike(big), big);
            Array ratio = Lax.div(small, safe);
            Array r = Jnp.where(isZero, big, Lax.mul(big, Lax.sqrt(Lax.add(constLike(ratio, 1), Lax.square(ratio)))));
            return Jnp.where(idxInf, inf, r);
        });
    }

    /** log(exp(x) + exp(y)) without overflow (JAX's custom_jvp body, inlined). */
    static Array logaddexp(Object x, Object y) {
        List<Array> a = Promote.promoteArgsInexact("logaddexp", x, y);
        Array x1 = a.get(0), x2 = a.get(1);
        Array amax = Lax.max(x1, x2);
        Array delta = Lax.sub(x1, x2);
        Array isNan = Lax.ne(delta, delta);
        Array sum = Lax.add(x1, x2);
        Array r = Lax.add(amax, Lax.log1p(Lax.exp(Lax.neg(Lax.abs(delta)))));
        return Lax.select(isNan, sum, r);
    }

    /** logical and/or/xor: non-bool operands are compared with zero first. */
    static Array logical(String fn, Object x, Object y, BinaryOperator<Array> op) {
        List<Array> p = Promote.promoteArgs(fn, x, y);
        Array a = truthy(p.get(0)), b = truthy(p.get(1));
        return op.apply(a, b);
    }

    private static Array truthy(Object x) {
        Array a = Jnp.asarray(x);
        return a.dtype() == DType.BOOL ? a : Lax.ne(a, zeroLike(a));
    }

    static Array rightShift(Object x, Object y) {
        return numeric("right_shift", x, y, (a, b) -> a.dtype().isUnsigned()
                ? Lax.shiftRightLogical(a, b) : Lax.shiftRightArithmetic(a, b));
    }

    /** {@code where(c, x, y)}: JAX's {@code _where}, broadcasting all three arrays fully. */
    static Array where(Object condition, Object x, Object y) {
        Array c0 = Jnp.asarray(condition);
        Promote.checkArgs("where", c0, x, y);
        Promote.checkArgs("where", x, y);
        return NamedCall.call1("_where", List.of(c0, Jnp.asarray(x), Jnp.asarray(y)), List.of(), (as, st) -> {
            Array c = as.get(0).dtype() == DType.BOOL ? as.get(0) : Lax.ne(as.get(0), zeroLike(as.get(0)));
            List<Array> xy = Promote.promoteDTypes("where", false, as.get(1), as.get(2));
            int[] shape = c.ndim() == 0 ? Broadcast.shape("where", xy.get(0), xy.get(1))
                    : Broadcast.shape("where", c, xy.get(0), xy.get(1));
            // lax.select handles a scalar condition without broadcasting.
            Array cb = c.ndim() == 0 ? c : Jnp.broadcastTo(c, shape), xb = Jnp.broadcastTo(xy.get(0), shape);
            Array yb = Jnp.broadcastTo(xy.get(1), shape);
            if (xb.size() == 0) return xb;
            return Lax.select(cb, xb, yb);
        });
    }

    /** NumPy's clip: {@code minimum(max, maximum(min, x))}; either bound may be null. */
    static Array clip(Object x, Object min, Object max) {
        List<Array> args = new java.util.ArrayList<>(List.of(Jnp.asarray(x)));
        if (min != null) args.add(Jnp.asarray(min));
        if (max != null) args.add(Jnp.asarray(max));
        return NamedCall.call1("clip", args, List.of(min != null, max != null), (as, bounds) -> {
            Array r = as.get(0);
            int k = 1;
            if (bounds.get(0)) r = promoted("clip", as.get(k++), r, Lax::max);
            if (bounds.get(1)) r = promoted("clip", as.get(k), r, Lax::min);
            return r;
        });
    }

    /** A 0-d bool. */
    static DenseArray bool(boolean v) { return DenseArray.scalarLong(DType.BOOL, false, v ? 1 : 0); }
}
