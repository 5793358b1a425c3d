package dev.jaxvm.lax;

import dev.jaxvm.Array;

/** Small building blocks of JAX's differentiation rules ({@code _replace_zero}, {@code _balanced_eq}, ...). */
final class Rules {
    private Rules() {}

    /** {@code x ** n} for a static integer {@code n}, as JAX's rules write it. */
    static Array integerPow(Array x, int n) {
        // TODO(ad): bind integer_pow once it is in the catalog, as JAX does.
        Array one = Tangents.scalarLike(x, 1);
        Array p = one;
        for (int k = 0; k < Math.abs(n); k++) p = k == 0 ? x : Lax.mul(p, x);
        return n < 0 ? Lax.div(one, p) : p;
    }

    /** {@code 1 / x} (JAX's {@code reciprocal}). */
    static Array reciprocal(Array x) { return integerPow(x, -1); }

    /** {@code x} with zeros replaced by ones (JAX's {@code _replace_zero}). */
    static Array replaceZero(Array x) {
        return Lax.select(Lax.eq(x, Tangents.scalarLike(x, 0)), Tangents.fullLike(x, 1), x);
    }

    /** 1 where {@code x == z} and not {@code y == z}, 0.5 where both (ties), else 0 (JAX's {@code _balanced_eq}). */
    static Array balancedEq(Array x, Array z, Array y) {
        return Lax.div(Lax.select(Lax.eq(x, z), Tangents.fullLike(z, 1), Tangents.fullLike(z, 0)),
                Lax.select(Lax.eq(y, z), Tangents.fullLike(z, 2), Tangents.fullLike(z, 1)));
    }
}
