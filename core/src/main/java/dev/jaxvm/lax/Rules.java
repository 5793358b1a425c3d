package dev.jaxvm.lax;

import dev.jaxvm.Array;

/** Small building blocks of JAX's differentiation rules ({@code _replace_zero}, {@code _balanced_eq}, ...). */
final class Rules {
    private Rules() {}

    /** {@code x ** n} for a static integer {@code n} ({@code integer_pow}), as JAX's rules write it. */
    static Array integerPow(Array x, int n) { return Lax.integerPow(x, n); }

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

    /** The JVP of {@code reduce_max} / {@code reduce_min}: the tangent averaged over the tied positions. */
    static Array reduceChooserJvp(Array g, Array ans, Array operand, dev.jaxvm.core.Ints axes) {
        int[] shape = operand.shape();
        for (int a : axes.values()) shape[a] = 1;
        Array loc = Lax.convertElementType(Lax.eq(operand, Lax.reshape(ans, shape)), g.dtype());
        Array counts = Lax.reduceSum(loc, axes.values());
        return Lax.div(Lax.reduceSum(Lax.mul(g, loc), axes.values()), counts);
    }

    /**
     * {@code t} gathered along {@code axis} at the int32 positions {@code idx} (NumPy's
     * {@code take_along_axis}), as a one-hot contraction: linear in {@code t}, so it transposes.
     */
    static Array takeAlongAxis(Array t, Array idx, int axis) {
        int[] is = idx.shape();
        int n = t.shape()[axis];
        int[] big = new int[is.length + 1];
        for (int d = 0, j = 0; d < big.length; d++) big[d] = d == axis + 1 ? n : is[j++];
        int[] idxDims = new int[is.length], tDims = new int[is.length];
        for (int d = 0; d < is.length; d++) {
            idxDims[d] = d <= axis ? d : d + 1;
            tDims[d] = d < axis ? d : d + 1;
        }
        Array onehot = Lax.eq(Lax.broadcastInDim(idx, big, idxDims), Lax.broadcastedIota(idx.dtype(), big, axis + 1));
        Array tb = Lax.broadcastInDim(t, big, tDims);
        return Lax.reduceSum(Lax.mul(Lax.convertElementType(onehot, t.dtype()), tb), axis + 1);
    }
}
