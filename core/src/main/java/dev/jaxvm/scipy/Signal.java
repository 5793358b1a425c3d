package dev.jaxvm.scipy;

import dev.jaxvm.Array;
import dev.jaxvm.core.Py;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Precision;
import dev.jaxvm.numpy.Jnp;

/**
 * {@code jax.scipy.signal}: N-d convolution and correlation of arrays, as SciPy's functions of the
 * same names, lowered to {@code conv_general_dilated}. Python's {@code jax.scipy.signal.convolve2d}
 * is {@code Signal.convolve2d} in Java (one class per SciPy module, static methods, as {@code Jnp}
 * and {@code Lax}); inputs are promoted to a floating dtype.
 *
 * {@snippet :
 * Array blurred = Signal.convolve2d(image, Jnp.ones(3, 3).div(9), "same");
 * }
 */
public final class Signal {
    private Signal() {}

    /** {@code convolve2d(in1, in2, mode)}: 2-D convolution with zero fill; modes full, same, valid. */
    public static Array convolve2d(Object in1, Object in2, String mode) {
        return convolve2d(in1, in2, mode, "fill", 0, null);
    }

    /** {@code convolve2d(in1, in2)} in {@code "full"} mode. */
    public static Array convolve2d(Object in1, Object in2) { return convolve2d(in1, in2, "full"); }

    /**
     * {@code convolve2d} with all of JAX's arguments.
     *
     * @throws UnsupportedOperationException unless {@code boundary} is {@code "fill"} with fill value 0,
     *     as in JAX
     */
    public static Array convolve2d(Object in1, Object in2, String mode, String boundary, double fillvalue,
            Precision precision) {
        if (!boundary.equals("fill") || fillvalue != 0) {
            throw new UnsupportedOperationException("convolve2d() only supports boundary='fill', fillvalue=0");
        }
        Array a = Jnp.asarray(in1);
        Array b = Jnp.asarray(in2);
        if (a.ndim() != 2 || b.ndim() != 2) throw new IllegalArgumentException("convolve2d() only supports 2-dimensional inputs.");
        return convolveNd(a, b, mode, precision);
    }

    /** {@code correlate2d(in1, in2, mode)}: 2-D cross-correlation with zero fill. */
    public static Array correlate2d(Object in1, Object in2, String mode) {
        return correlate2d(in1, in2, mode, "fill", 0, null);
    }

    /** {@code correlate2d(in1, in2)} in {@code "full"} mode. */
    public static Array correlate2d(Object in1, Object in2) { return correlate2d(in1, in2, "full"); }

    /** {@code correlate2d} with all of JAX's arguments (boundary must be {@code "fill"} with 0). */
    public static Array correlate2d(Object in1, Object in2, String mode, String boundary, double fillvalue,
            Precision precision) {
        if (!boundary.equals("fill") || fillvalue != 0) {
            throw new UnsupportedOperationException("correlate2d() only supports boundary='fill', fillvalue=0");
        }
        Array a = Jnp.asarray(in1);
        Array b = Jnp.asarray(in2);
        if (a.ndim() != 2 || b.ndim() != 2) throw new IllegalArgumentException("correlate2d() only supports 2-dimensional inputs.");
        int[] sa = a.shape();
        int[] sb = b.shape();
        boolean swap = sa[0] <= sb[0] && sa[1] <= sb[1];
        boolean same = sa[0] == sb[0] && sa[1] == sb[1];
        return switch (mode) {
            case "valid" -> swap && !same ? convolveNd(flip(b), a, mode, precision) : flip(convolveNd(flip(a), b, mode, precision));
            case "full" -> swap ? convolveNd(flip(b), a, mode, precision) : flip(convolveNd(flip(a), b, mode, precision));
            default -> flip(convolveNd(flip(a), b, mode, precision));
        };
    }

    /** {@code convolve(in1, in2, mode)}: N-d convolution (direct method). */
    public static Array convolve(Object in1, Object in2, String mode) {
        return convolveNd(Jnp.asarray(in1), Jnp.asarray(in2), mode, null);
    }

    private static Array flip(Array x) {
        int[] all = new int[x.ndim()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return Lax.rev(x, all);
    }

    /** JAX's {@code _convolve_nd}. */
    static Array convolveNd(Array in1, Array in2, String mode, Precision precision) {
        if (!mode.equals("full") && !mode.equals("same") && !mode.equals("valid")) {
            throw new IllegalArgumentException("mode must be one of ['full', 'same', 'valid']");
        }
        if (in1.ndim() != in2.ndim()) throw new IllegalArgumentException("in1 and in2 must have the same number of dimensions");
        if (in1.size() == 0 || in2.size() == 0) {
            throw new IllegalArgumentException("zero-size arrays not supported in convolutions, got shapes "
                    + Py.tuple(in1.shape()) + " and " + Py.tuple(in2.shape()) + ".");
        }
        DTypes p = DTypes.inexact(in1, in2);
        Array a = p.a;
        Array b = p.b;
        int[] s1 = a.shape();
        int[] s2 = b.shape();
        boolean noSwap = true;
        boolean swap = true;
        for (int i = 0; i < s1.length; i++) {
            noSwap &= s1[i] >= s2[i];
            swap &= s1[i] <= s2[i];
        }
        if (!(noSwap || swap)) throw new IllegalArgumentException("One input must be smaller than the other in every dimension.");
        int[] shapeO = b.shape();
        if (swap) {
            Array t = a;
            a = b;
            b = t;
        }
        int[] shape = b.shape();
        b = flip(b);
        int n = shape.length;
        int[][] padding = new int[n][];
        int[] strides = new int[n];
        for (int i = 0; i < n; i++) {
            int s = shape[i];
            int so = shapeO[i];
            strides[i] = 1;
            padding[i] = switch (mode) {
                case "valid" -> new int[] {0, 0};
                case "same" -> new int[] {s - 1 - Math.floorDiv(so - 1, 2), s - so + Math.floorDiv(so - 1, 2)};
                default -> new int[] {s - 1, s - 1};
            };
        }
        Array r = Lax.convGeneralDilated(Jnp.expandDims(a, 0, 1), Jnp.expandDims(b, 0, 1), strides, padding, null, null,
                null, 1, 1, precision, null);
        return Lax.squeeze(r, 0, 1);
    }

    /** Both operands promoted to a common inexact dtype ({@code promote_dtypes_inexact}). */
    private record DTypes(Array a, Array b) {
        static DTypes inexact(Array a, Array b) {
            dev.jaxvm.core.ArrayType r = dev.jaxvm.numpy.Promotion.resultType(java.util.List.of(a.type(), b.type()));
            dev.jaxvm.DType t = r.dtype().isFloating() ? r.dtype() : dev.jaxvm.DType.defaultFloat();
            return new DTypes(convert(a, t, r.weakType()), convert(b, t, r.weakType()));
        }

        private static Array convert(Array x, dev.jaxvm.DType t, boolean weak) {
            return x.dtype() == t && x.weakType() == weak ? x : Lax.convertElementType(x, t, weak);
        }
    }
}
