package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.Py;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Precision;
import java.util.List;

/** {@code jnp.convolve} and {@code jnp.correlate}: 1-D convolutions lowered to {@code conv_general_dilated}. */
final class Convolve {
    private Convolve() {}

    /** JAX's {@code jnp._conv}. */
    static Array conv1d(Object a, Object v, String mode, String op, Precision precision, DType preferred) {
        Array x0 = Jnp.asarray(a);
        Array y0 = Jnp.asarray(v);
        if (x0.ndim() != 1 || y0.ndim() != 1) throw new IllegalArgumentException(op + "() only support 1-dimensional inputs.");
        List<Array> xy = Promote.promoteDTypes(op, preferred == null, x0, y0);
        Array x = xy.get(0);
        Array y = xy.get(1);
        if (x.size() == 0 || y.size() == 0) {
            throw new IllegalArgumentException(op + ": inputs cannot be empty, got shapes " + Py.tuple(x.shape()) + " and "
                    + Py.tuple(y.shape()) + ".");
        }
        boolean reverseOut = false;
        if (x.size() < y.size()) {
            Array t = x;
            x = y;
            y = t;
            reverseOut = op.equals("correlate");
        }
        if (op.equals("convolve")) y = Lax.rev(y, 0);
        int n = y.shape()[0];
        int[][] padding = switch (mode) {
            case "valid" -> new int[][] {{0, 0}};
            case "same" -> new int[][] {{n / 2, n - n / 2 - 1}};
            case "full" -> new int[][] {{n - 1, n - 1}};
            default -> throw new IllegalArgumentException("mode must be one of ['full', 'same', 'valid']");
        };
        Array r = Lax.convGeneralDilated(Jnp.expandDims(x, 0, 1), Jnp.expandDims(y, 0, 1), new int[] {1}, padding, null,
                null, null, 1, 1, precision, preferred);
        r = Lax.squeeze(r, 0, 1);
        return reverseOut ? Lax.rev(r, 0) : r;
    }
}
