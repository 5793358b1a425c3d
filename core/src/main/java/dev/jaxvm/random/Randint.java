package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFnN;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.Lax;

/**
 * {@code randint} staged as JAX stages it (JAX's jitted {@code _randint}, with bounds as traced
 * operands, clipped by the jitted {@code jnp.clip}), for bounds given as Java integers that fit the
 * default int type, as JAX's Python ints must: two draws of random bits combined modulo the span.
 */
final class Randint {
    private Randint() {}

    /** {@code jnp.clip(x, lo, hi)}, jitted as in JAX: {@code min(hi, max(lo, x))}. */
    private static final JitFnN CLIP = Jax.jitN(a -> Lax.min((Array) a[2], Lax.max((Array) a[1], (Array) a[0])))
            .named("clip");

    /** JAX's {@code _randint} (static shape and dtype). */
    private static final JitFnN RANDINT = Jax.jitN(a -> body((Array) a[0], (Array) a[1], (Array) a[2], (Shape) a[3],
            (DType) a[4])).named("_randint").staticArgnums(3, 4);

    /** Whether the staged form applies: a 32- or 64-bit sampling dtype and bounds JAX could take as Python ints. */
    static boolean applies(DType target, long minval, long maxval) {
        DType weak = DType.defaultInt();
        boolean fits = weak == DType.INT64
                || (minval >= Integer.MIN_VALUE && minval <= Integer.MAX_VALUE && maxval >= Integer.MIN_VALUE
                && maxval <= Integer.MAX_VALUE);
        return fits && target.bits() >= 32;
    }

    static Array randint(Array key, int[] shape, long minval, long maxval, DType dtype) {
        DType weak = DType.defaultInt();
        return RANDINT.call(key, DenseArray.scalarLong(weak, true, minval), DenseArray.scalarLong(weak, true, maxval),
                new Shape(shape), dtype);
    }

    /** JAX's {@code _convert_and_clip_integer}: clip to the range both dtypes share, then convert. */
    private static Array convertAndClip(Array v, DType dtype) {
        DType t = v.dtype();
        long lo = Math.max(Integers.minOf(dtype), Integers.minOf(t));
        long hi = Math.min(Integers.maxOf(dtype), Integers.maxOf(t));
        Array c = CLIP.call(v, DenseArray.scalarLong(t, v.weakType(), lo), DenseArray.scalarLong(t, v.weakType(), hi));
        return Lax.convertElementType(c, dtype, false);
    }

    private static Array body(Array key, Array minval, Array maxval, Shape s, DType dtype) {
        int[] shape = s.dims();
        Array dmax = DenseArray.scalarLong(dtype, false, Integers.maxOf(dtype));
        Array maxOutOfRange = Lax.gt(maxval, convertAndClip(dmax, maxval.dtype()));
        minval = convertAndClip(minval, dtype);
        maxval = convertAndClip(maxval, dtype);
        minval = Uniforms.toRank(minval, shape.length);
        maxval = Uniforms.toRank(maxval, shape.length);
        int nbits = dtype.bits();
        Array[] k = Threefry.split2(key);
        Array higher = Threefry.randomBits(k[0], nbits, shape);
        Array lower = Threefry.randomBits(k[1], nbits, shape);
        DType u = Uniforms.uintOfWidth(nbits);
        Array span = Lax.convertElementType(Lax.sub(maxval, minval), u, false);
        Array one = Uniforms.constantLong(1, u);   // lax.full_like: a broadcast unless span is a scalar
        span = Lax.select(Lax.le(maxval, minval), span.ndim() == 0 ? one : Lax.broadcastInDim(one, span.shape()), span);
        span = Lax.select(Lax.bitwiseAnd(maxOutOfRange, Lax.gt(maxval, minval)),
                Lax.add(span, Uniforms.constantLong(1, u)), span);
        Array multiplier = Lax.rem(Uniforms.constantLong(1L << (nbits / 2), u), span);
        multiplier = Lax.rem(Lax.mul(multiplier, multiplier), span);
        Array offset = Lax.add(Lax.mul(Lax.rem(higher, span), multiplier), Lax.rem(lower, span));
        offset = Lax.rem(offset, span);
        return Lax.add(minval, Lax.convertElementType(offset, dtype, false));
    }
}
