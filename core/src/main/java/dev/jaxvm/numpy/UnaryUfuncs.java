package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Round;
import java.util.List;
import java.util.function.UnaryOperator;

/** jnp's unary elementwise functions, lowered to the primitives {@code jax.numpy} uses. */
final class UnaryUfuncs {
    private UnaryUfuncs() {}

    /** Promotes to inexact (ints and bool become float32) and applies {@code op}. */
    static Array inexact(String fn, Object x, UnaryOperator<Array> op) {
        return op.apply(Promote.promoteArgsInexact(fn, x).getFirst());
    }

    /** Bool becomes the default int, other dtypes are kept, then {@code op}. */
    static Array numeric(String fn, Object x, UnaryOperator<Array> op) {
        return op.apply(Promote.promoteArgsNumeric(fn, x).getFirst());
    }

    /** A strong 0-d constant of x's dtype ({@code _constant_like}). */
    static DenseArray constLike(Array x, double v) { return DenseArray.scalar(x.dtype(), false, v); }

    /** A 0-d zero of x's dtype and weak flag ({@code lax.full_like(x, 0, shape=())}). */
    static DenseArray zeroLike(Array x) { return DenseArray.scalarLong(x.dtype(), x.weakType(), 0); }

    static Array log2(Object x) {
        return inexact("log2", x, a -> Lax.div(Lax.log(a), Lax.log(constLike(a, 2))));
    }

    static Array log10(Object x) {
        return inexact("log10", x, a -> Lax.mul(Lax.log(a), constLike(a, 1 / Math.log(10))));
    }

    static Array arccosh(Object x) {
        return NamedCall.call1("arccosh", List.of(Jnp.asarray(x)), List.of(), (as, st) -> inexact("arccosh", as.get(0), Lax::acosh));
    }

    static Array reciprocal(Object x) { return inexact("reciprocal", x, a -> Lax.integerPow(a, -1)); }

    static Array deg2rad(Object x) {
        return inexact("deg2rad", x, a -> Lax.mul(a, constLike(a, Math.PI / 180)));
    }

    static Array rad2deg(Object x) {
        return inexact("rad2deg", x, a -> Lax.mul(a, constLike(a, 180 / Math.PI)));
    }

    /** abs: bool and unsigned values are returned unchanged. */
    static Array abs(Object x) {
        Array a = Jnp.asarray(x);
        return a.dtype() == DType.BOOL || a.dtype().isUnsigned() ? a : Lax.abs(a);
    }

    static Array floor(Object x) {
        Array a = Jnp.asarray(x);
        return a.dtype().isFloating() ? Lax.floor(a) : a;
    }

    static Array ceil(Object x) {
        Array a = Jnp.asarray(x);
        return a.dtype().isFloating() ? Lax.ceil(a) : a;
    }

    static Array trunc(Object x) {
        return NamedCall.call1("trunc", List.of(Jnp.asarray(x)), List.of(), (as, st) -> {
            Array a = as.get(0);
            if (!a.dtype().isFloating()) return a;
            return Jnp.where(Lax.lt(a, constLike(a, 0)), Lax.ceil(a), Lax.floor(a));
        });
    }

    static Array rint(Object x) {
        return NamedCall.call1("rint", List.of(Jnp.asarray(x)), List.of(), (as, st) -> {
            Array a = as.get(0);
            Array f = Promote.promoteArgsInexact("rint", a).getFirst();
            return a.dtype().isFloating() ? Lax.round(f, Round.TO_NEAREST_EVEN) : f;
        });
    }

    /** NumPy's round: halfway cases to even, at {@code decimals} digits (negative: tens, hundreds...). */
    static Array round(Object x, int decimals) {
        Array a0 = Jnp.asarray(x);
        if (a0.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("round: data type bool not inexact (got an array of dtype bool)");
        }
        if (!a0.dtype().isFloating() && decimals < 0) {
            throw new UnsupportedOperationException("round: integer np.round not implemented for decimals < 0");
        }
        return NamedCall.call1("round", List.of(a0), decimals, UnaryUfuncs::roundBody);
    }

    private static Array roundBody(List<Array> as, Integer decimals) {
        Array a = as.get(0);
        if (!a.dtype().isFloating()) return a;
        if (decimals == 0) return Lax.round(a, Round.TO_NEAREST_EVEN);
        double factor = Math.pow(10, decimals);
        Array scaled = Lax.mul(a, constLike(a, factor));
        return Lax.div(Lax.round(scaled, Round.TO_NEAREST_EVEN), constLike(a, factor));
    }

    static Array isnan(Object x) {
        Array a = Jnp.asarray(x);
        return Lax.ne(a, a);
    }

    static Array isinf(Object x) {
        return NamedCall.call1("isinf", List.of(Jnp.asarray(x)), List.of(), (as, st) -> {
            Array a = as.get(0);
            return a.dtype().isFloating() ? Lax.eq(Lax.abs(a), constLike(a, Double.POSITIVE_INFINITY))
                    : Jnp.broadcastTo(DenseArray.scalarLong(DType.BOOL, false, 0), a.shape());
        });
    }

    static Array isfinite(Object x) {
        Array a = Jnp.asarray(x);
        return a.dtype().isFloating() ? Lax.isFinite(a)
                : Jnp.broadcastTo(DenseArray.scalarLong(DType.BOOL, false, 1), a.shape());
    }

    static Array signbit(Object x) {
        return NamedCall.call1("signbit", List.of(Jnp.asarray(x)), List.of(), (as, st) -> {
            Array a = as.get(0);
            return switch (a.dtype().kind()) {
                case BOOL -> Jnp.broadcastTo(DenseArray.scalarLong(DType.BOOL, false, 0), a.shape());
                case INT, UINT -> Lax.lt(a, zeroLike(a));
                case FLOAT -> {
                    DType bits = switch (a.dtype().bits()) {
                        case 16 -> DType.INT16;
                        case 32 -> DType.INT32;
                        default -> DType.INT64;
                    };
                    Array i = Lax.bitcastConvertType(a, bits);
                    Array shifted = Lax.shiftRightArithmetic(i, DenseArray.scalarLong(bits, false, bits.bits() - 1));
                    yield Lax.convertElementType(shifted, DType.BOOL);
                }
                case FLOAT0 -> throw new IllegalArgumentException("signbit: float0 arrays have no values");
            };
        });
    }

    static Array logicalNot(Object x) {
        Array a = Jnp.asarray(x);
        return Lax.bitwiseNot(a.dtype() == DType.BOOL ? a : Lax.ne(a, zeroLike(a)));
    }
}
