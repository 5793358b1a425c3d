package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;

/** The integer and boolean samplers: {@code randint} (JAX's two-draw scheme), {@code bernoulli}, {@code rademacher}. */
final class Integers {
    private Integers() {}

    /** The smallest value of an integer dtype. */
    static long minOf(DType t) {
        return switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case UINT8, UINT16, UINT32, UINT64 -> 0;
            case BOOL, FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> throw notInt(t);
        };
    }

    /** The largest value, saturated at {@code Long.MAX_VALUE} for uint64. */
    static long maxOf(DType t) {
        return switch (t) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case INT64, UINT64 -> Long.MAX_VALUE;
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 0xFFFFFFFFL;
            case BOOL, FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> throw notInt(t);
        };
    }

    private static IllegalArgumentException notInt(DType t) {
        return new IllegalArgumentException("randint only accepts integer dtypes, got " + t);
    }

    private static long clip(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private static long remU(long a, long b, long mask) {
        return b == 0 ? a : Long.remainderUnsigned(a & mask, b & mask);
    }

    /** {@code randint(key, shape, minval, maxval, dtype)} for Java integer bounds. */
    static Array randint(Array key, int[] shape, long minval, long maxval, DType dtype) {
        DType target = dtype == null ? DType.defaultInt() : dtype.canonicalize();
        if (!target.isInteger()) throw notInt(target);
        Threefry.size(shape);
        if (Randint.applies(target, minval, maxval)) return Randint.randint(key, shape, minval, maxval, target);
        DType samp = target;
        long mn = minval;
        long mx = maxval;
        if (target.bits() < 32) {
            samp = DType.INT32;
            mn = clip(mn, minOf(target), maxOf(target));
            mx = clip(mx, minOf(target), maxOf(target) + 1);
        }
        int nbits = samp.bits();
        long mask = nbits == 64 ? -1L : (1L << nbits) - 1;
        boolean maxOutOfRange = mx > maxOf(samp) && !(samp == DType.UINT64);
        long mnC = clip(mn, minOf(samp), maxOf(samp));
        long mxC = clip(mx, minOf(samp), maxOf(samp));
        DType uint = Uniforms.uintOfWidth(nbits);
        Array[] ks = Threefry.split2(key);
        Array k1 = ks[0];
        Array k2 = ks[1];
        Array higher = Threefry.randomBits(k1, nbits, shape);
        Array lower = Threefry.randomBits(k2, nbits, shape);
        long span = (mxC - mnC) & mask;
        if (mxC <= mnC) span = 1;
        if (maxOutOfRange && mx > mnC) span = (span + 1) & mask;
        long mult = remU(1L << (nbits / 2), span, mask);
        mult = remU(mult * mult, span, mask);
        Array s = Uniforms.constantLong(span, uint);
        Array offset = Lax.add(Lax.mul(Lax.rem(higher, s), Uniforms.constantLong(mult, uint)), Lax.rem(lower, s));
        offset = Lax.rem(offset, s);
        Array out = Lax.add(Uniforms.constantLong(mnC, samp), Lax.convertElementType(offset, samp, false));
        return samp == target ? out : Lax.convertElementType(out, target, false);
    }

    /** {@code bernoulli(key, p, shape)}: {@code uniform(key, shape, p.dtype) < p}. */
    static Array bernoulli(Array key, Array p, int[] shape) {
        if (!p.dtype().isFloating()) {
            throw new IllegalArgumentException("bernoulli probability `p` must have a floating dtype, got "
                    + p.dtype() + ".");
        }
        Threefry.size(shape);
        return BERNOULLI.call(key, p, new dev.jaxvm.core.Shape(shape));
    }

    /** JAX's {@code _bernoulli} (jitted; static shape): {@code uniform(key, shape, p.dtype) < p}. */
    private static final dev.jaxvm.JitFnN BERNOULLI = dev.jaxvm.Jax.jitN(a -> {
        Array p = (Array) a[1];
        int[] shape = ((dev.jaxvm.core.Shape) a[2]).dims();
        Array u = Uniforms.uniform((Array) a[0], shape, p.dtype(), 0.0, 1.0);
        return Lax.lt(u, Uniforms.broadcastTo(p, shape));
    }).named("_bernoulli").staticArgnums(2);

    /** {@code bernoulli} in mode 'high': {@code u2 * 2^-nmant < p - u1} with two uniforms per value. */
    static Array bernoulliHigh(Array key, Array p, int[] shape) {
        if (!p.dtype().isFloating()) {
            throw new IllegalArgumentException("bernoulli probability `p` must have a floating dtype, got "
                    + p.dtype() + ".");
        }
        DType t = p.dtype();
        int[] s2 = new int[shape.length + 1];
        s2[0] = 2;
        System.arraycopy(shape, 0, s2, 1, shape.length);
        Array u = Uniforms.uniform(key, s2, t, 0.0, 1.0);
        Array u2 = Lax.mul(Uniforms.first(u, 1), Uniforms.constant(Math.scalb(1.0, -Uniforms.nmant(t)), t));
        return Lax.lt(u2, Lax.sub(Uniforms.broadcastTo(p, shape), Uniforms.first(u, 0)));
    }

    /** {@code rademacher}: {@code 2 * bernoulli(key, 0.5, shape) - 1} in {@code dtype}. */
    static Array rademacher(Array key, int[] shape, DType dtype) {
        Array b = bernoulli(key, Uniforms.constant(0.5, DType.defaultFloat()), shape);
        Array bi = Lax.convertElementType(b, dtype, false);
        return Lax.sub(Lax.mul(Uniforms.constant(2, dtype), bi), Uniforms.constant(1, dtype));
    }
}
