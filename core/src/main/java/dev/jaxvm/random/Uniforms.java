package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFnN;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.Lax;

/**
 * The floating samplers built on {@code uniform} (JAX's {@code _uniform}, {@code _normal_real},
 * {@code _truncated_normal}, {@code _exponential}, {@code _gumbel}, ...), with JAX's operation
 * sequences so that XLA:CPU's float results are reproduced bit for bit.
 */
final class Uniforms {
    private Uniforms() {}

    /** The sampler's float dtype: float32 by default (float64 with x64), JAX's canonicalisation. */
    static DType floatDtype(String name, DType dtype) {
        DType t = dtype == null ? DType.defaultFloat() : dtype.canonicalize();
        if (!t.isFloating()) {
            throw new IllegalArgumentException("dtype argument to `" + name + "` must be a float dtype, got " + t);
        }
        return t;
    }

    static int nmant(DType t) {
        return switch (t) {
            case FLOAT16 -> 10;
            case BFLOAT16 -> 7;
            case FLOAT32 -> 23;
            case FLOAT64 -> 52;
            case BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 ->
                    throw new IllegalArgumentException("not a float dtype: " + t);
        };
    }

    static DType uintOfWidth(int bits) {
        return switch (bits) {
            case 8 -> DType.UINT8;
            case 16 -> DType.UINT16;
            case 32 -> DType.UINT32;
            case 64 -> DType.UINT64;
            default -> throw new IllegalArgumentException("no unsigned dtype of " + bits + " bits");
        };
    }

    /** {@code x} broadcast to {@code shape} with NumPy's trailing alignment (rank 0 stays rank 0). */
    static Array broadcastTo(Array x, int[] shape) {
        int r = x.ndim();
        if (r == 0 || java.util.Arrays.equals(x.shape(), shape)) return x;
        if (r > shape.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(x.shape())
                    + " is not broadcast-compatible with " + java.util.Arrays.toString(shape));
        }
        int[] dims = new int[r];
        for (int i = 0; i < r; i++) dims[i] = shape.length - r + i;
        return Lax.broadcastInDim(x, shape, dims);
    }

    static Array constant(double v, DType t) { return DenseArray.scalar(t, false, v); }

    static Array constantLong(long v, DType t) { return DenseArray.scalarLong(t, false, v); }

    /** JAX's {@code _uniform}, a jitted function with static shape and dtype (and FMA exactness, decided outside). */
    private static final JitFnN UNIFORM = Jax.jitN(a -> uniformBody((Array) a[0], (Shape) a[1], (DType) a[2],
            (Array) a[3], (Array) a[4], (Boolean) a[5])).named("_uniform").staticArgnums(1, 2, 5);

    /** {@code _uniform} called with keyword bounds: JAX flattens them sorted, {@code maxval} first. */
    private static final JitFnN UNIFORM_KW = Jax.jitN(a -> uniformBody((Array) a[0], (Shape) a[1], (DType) a[2],
            (Array) a[4], (Array) a[3], (Boolean) a[5])).named("_uniform").staticArgnums(1, 2, 5);

    /** {@code uniform} staged as JAX's keyword call {@code _uniform(key, shape, dtype, minval=, maxval=)}. */
    static Array uniformKw(Array key, int[] shape, DType dtype, Array minval, Array maxval) {
        Threefry.size(shape);
        boolean exact = productIsExact(minval, maxval, dtype);
        return UNIFORM_KW.call(key, new Shape(shape), dtype, maxval, minval, exact);
    }

    /**
     * {@code uniform(key, shape, dtype, minval, maxval)}; {@code minval} and {@code maxval} are
     * scalars, converted to {@code dtype} first. Staged, as in JAX, as a call of the jitted
     * {@code _uniform}.
     */
    static Array uniform(Array key, int[] shape, DType dtype, Array minval, Array maxval) {
        Threefry.size(shape);
        boolean exact = productIsExact(minval, maxval, dtype);
        return UNIFORM.call(key, new Shape(shape), dtype, minval, maxval, exact);
    }

    private static Array uniformBody(Array key, Shape s, DType dtype, Array minval, Array maxval, boolean exact) {
        int[] shape = s.dims();
        minval = Lax.convertElementType(minval, dtype, false);
        maxval = Lax.convertElementType(maxval, dtype, false);
        minval = toRank(minval, shape.length);
        maxval = toRank(maxval, shape.length);
        int nbits = dtype.bits();
        int nmant = nmant(dtype);
        int rngBits = nmant < 8 ? 8 : nbits;
        DType uint = uintOfWidth(nbits);
        Array bits = Threefry.randomBits(key, rngBits, shape);
        if (rngBits != nbits) bits = Lax.convertElementType(bits, uint, false);
        long one = switch (dtype) {
            case FLOAT16 -> Float.floatToFloat16(1f);
            case BFLOAT16 -> 0x3F80;
            case FLOAT32 -> Float.floatToRawIntBits(1f);
            case FLOAT64 -> Double.doubleToRawLongBits(1.0);
            case BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 ->
                    throw new IllegalArgumentException("uniform only accepts floating point dtypes.");
        };
        Array fb = Lax.bitwiseOr(Lax.shiftRightLogical(bits, constantLong(rngBits - nmant, uint)),
                constantLong(one, uint));
        Array floats = Lax.sub(Lax.bitcastConvertType(fb, dtype), constant(1, dtype));
        Array span = Lax.sub(maxval, minval);
        Array value;
        if (dtype == DType.FLOAT32 && !exact) {
            // XLA:CPU fuses floats * span + minval into one FMA; the float32 product is exact in
            // float64, so the float64 sum rounded to float32 gives the FMA's result (up to the
            // rare double-rounding tie, about once in 2^29 draws).
            Array f64 = Lax.mul(Lax.convertElementType(floats, DType.FLOAT64, false),
                    Lax.convertElementType(span, DType.FLOAT64, false));
            value = Lax.convertElementType(Lax.add(f64, Lax.convertElementType(minval, DType.FLOAT64, false)),
                    DType.FLOAT32, false);
        } else {
            value = Lax.add(Lax.mul(floats, span), minval);
        }
        // lax.reshape(value, shape): JAX elides it unless the result is a scalar
        if (shape.length == 0) value = Lax.reshape(value);
        return Lax.max(minval, value);
    }

    /** JAX's {@code lax.broadcast_to_rank}: leading size-1 axes up to {@code rank}. */
    static Array toRank(Array x, int rank) {
        if (x.ndim() >= rank) return x;
        int k = rank - x.ndim();
        int[] out = new int[rank];
        int[] dims = new int[x.ndim()];
        java.util.Arrays.fill(out, 1);
        for (int i = 0; i < x.ndim(); i++) {
            out[k + i] = x.shape()[i];
            dims[i] = k + i;
        }
        return Lax.broadcastInDim(x, out, dims);
    }

    /**
     * Whether {@code f * span + minval} rounds once anyway, so that separate multiply and add give
     * the FMA's result: concrete float32 bounds with {@code minval == 0} or a power-of-two span.
     */
    private static boolean productIsExact(Array minval, Array maxval, DType dtype) {
        if (!(minval instanceof DenseArray lo) || !(maxval instanceof DenseArray hi) || dtype != DType.FLOAT32) {
            return false;
        }
        float m = (float) lo.getDouble(0);
        float v = Math.abs((float) hi.getDouble(0) - m);
        if (m == 0 || v == 0) return true;
        return Float.isFinite(v) && v >= Float.MIN_NORMAL && v == Math.scalb(1f, Math.getExponent(v));
    }

    /** {@code uniform} with Java bounds, weakly typed as JAX's Python floats. */
    static Array uniform(Array key, int[] shape, DType dtype, double minval, double maxval) {
        return uniform(key, shape, dtype, weak(minval), weak(maxval));
    }

    /** A Java float as JAX sees a Python float: a weakly typed scalar of the default float dtype. */
    static Array weak(double v) { return DenseArray.scalar(DType.defaultFloat(), true, v); }

    /** {@code normal}: {@code sqrt(2) * erf_inv(uniform(key, shape, dtype, nextafter(-1, 0), 1))}. */
    static Array normal(Array key, int[] shape, DType dtype) {
        Threefry.size(shape);
        return NORMAL.call(key, new Shape(shape), dtype);
    }

    /** JAX's {@code _normal_real} (jitted; static shape and dtype): bounds are strongly typed NumPy scalars. */
    private static final JitFnN NORMAL_REAL = Jax.jitN(a -> {
        Array key = (Array) a[0];
        DType dtype = (DType) a[2];
        double lo = -(1 - Math.scalb(1.0, -(nmant(dtype) + 1)));
        Array u = uniform(key, ((Shape) a[1]).dims(), dtype, constant(lo, dtype), constant(1.0, dtype));
        return Lax.mul(constant(Math.sqrt(2), dtype), Lax.erfInv(u));
    }).named("_normal_real").staticArgnums(1, 2);

    /** JAX's {@code _normal} (jitted): the real case calls {@code _normal_real}. */
    private static final JitFnN NORMAL = Jax.jitN(a -> NORMAL_REAL.call(a[0], a[1], a[2])).named("_normal")
            .staticArgnums(1, 2);

    /** {@code truncated_normal} on {@code [lower, upper]}. */
    static Array truncatedNormal(Array key, double lower, double upper, int[] shape, DType dtype) {
        Array sqrt2 = constant(Math.sqrt(2), dtype);
        Array lo = constant(lower, dtype);
        Array hi = constant(upper, dtype);
        Array a = Lax.erf(Lax.div(lo, sqrt2));
        Array b = Lax.erf(Lax.div(hi, sqrt2));
        Array u = uniform(key, shape, dtype, a, b);
        Array out = Lax.mul(sqrt2, Lax.erfInv(u));
        Array loN = Lax.nextafter(lo, constant(Double.POSITIVE_INFINITY, dtype));
        Array hiN = Lax.nextafter(hi, constant(Double.NEGATIVE_INFINITY, dtype));
        return Lax.min(Lax.max(out, loN), hiN);
    }

    /** {@code exponential}: {@code -log1p(-u)}. */
    static Array exponential(Array key, int[] shape, DType dtype) {
        Threefry.size(shape);
        return EXPONENTIAL.call(key, new Shape(shape), dtype);
    }

    /** JAX's {@code _exponential} (jitted; static shape and dtype): {@code -log1p(-u)}. */
    private static final JitFnN EXPONENTIAL = Jax.jitN(a -> {
        Array u = uniform((Array) a[0], ((Shape) a[1]).dims(), (DType) a[2], 0.0, 1.0);
        return Lax.neg(Lax.log1p(Lax.neg(u)));
    }).named("_exponential").staticArgnums(1, 2);

    static double tiny(DType t) {
        return switch (t) {
            case FLOAT16 -> Math.scalb(1.0, -14);
            case BFLOAT16, FLOAT32 -> Float.MIN_NORMAL;
            case FLOAT64 -> Double.MIN_NORMAL;
            case BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 ->
                    throw new IllegalArgumentException("not a float dtype: " + t);
        };
    }

    static double eps(DType t) { return Math.scalb(1.0, -nmant(t)); }

    /**
     * {@code gumbel} in mode 'high': two draws per value, {@code x = hi >= 0.5 ? hi : hi + 2^-nmant lo + tiny},
     * then {@code -log(-log1p(-x))}, resolving the small tail of the uniform.
     */
    static Array gumbelHigh(Array key, int[] shape, DType dtype) {
        int[] s2 = new int[shape.length + 1];
        s2[0] = 2;
        System.arraycopy(shape, 0, s2, 1, shape.length);
        Array u = uniform(key, s2, dtype, 0.0, 1.0);
        Array high = first(u, 0);
        Array low = first(u, 1);
        Array alt = Lax.add(Lax.add(high, Lax.mul(constant(Math.scalb(1.0, -nmant(dtype)), dtype), low)),
                constant(tiny(dtype), dtype));
        Array x = Lax.select(Lax.ge(high, constant(0.5, dtype)), high, alt);
        return Lax.neg(Lax.log(Lax.neg(Lax.log1p(Lax.neg(x)))));
    }

    /** {@code x[i]} along the leading axis. */
    static Array first(Array x, int i) {
        int[] s = x.shape();
        int[] start = new int[s.length];
        int[] limit = s.clone();
        start[0] = i;
        limit[0] = i + 1;
        return Lax.reshape(Lax.slice(x, start, limit, null), java.util.Arrays.copyOfRange(s, 1, s.length));
    }

    /** {@code lognormal}: {@code exp(normal * sigma)}. */
    static Array lognormal(Array key, double sigma, int[] shape, DType dtype) {
        return Lax.exp(Lax.mul(normal(key, shape, dtype), constant(sigma, dtype)));
    }


}
