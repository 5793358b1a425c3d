package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The three ways of filtering an image {@code A: u8[H,W,C]} with a k x k filter {@code F} (zero
 * padding, same size, each channel separately), as in the classic JAX introduction: the per-pixel
 * loop around {@code executeKernel}, one depthwise {@code convGeneralDilated}, and the same filter
 * written as a sum of shifted {@code Jnp} slices. All give the result dtype of {@code A * F}
 * (int32 for the int32 sharpen, float32 for the float32 blur).
 */
final class Ways {
    private Ways() {}

    /** The introduction's {@code execute_kernel}: {@code stack([(P[:, :, k] * F).sum() for k], -1)}. */
    static Array executeKernel(Array p, Array f) {
        int c = p.shape()[2];
        List<Array> parts = new ArrayList<>(c);
        for (int k = 0; k < c; k++) parts.add(p.get(Index.ALL, Index.ALL, k).mul(f).sum());
        return Jnp.stack(parts, -1);
    }

    /** {@code A} zero-padded by {@code pad} on both spatial sides (a concrete copy). */
    static DenseArray pad(Array a, int pad) {
        DenseArray d = (DenseArray) a;
        int[] s = a.shape();
        int h = s[0], w = s[1], c = s[2];
        int pw = w + 2 * pad;
        ArrayType t = ArrayType.of(a.dtype(), h + 2 * pad, pw, c);
        Object out = Storage.allocate(a.dtype(), t.size());
        for (int i = 0; i < h; i++) System.arraycopy(d.buffer(), i * w * c, out, ((i + pad) * pw + pad) * c, w * c);
        return DenseArray.wrap(t, out);
    }

    /**
     * The classic algorithm: for each output pixel (i, j), {@code kernel(A[i:i+k, j:j+k, :], F)}.
     * Rows {@code [r0, r1)} only; {@code onRow} is told each finished row.
     */
    static Array perPixel(Array a, Array f, Fn2 kernel, int r0, int r1, IntConsumer onRow) {
        return perPixel(pad(a, f.shape()[0] / 2), f, kernel, r0, r1, onRow);
    }

    /**
     * {@link #perPixel(Array, Array, Fn2, int, int, IntConsumer)} on an image already padded by
     * {@code k / 2} (as the introduction pads once before its loop; callers that run the loop in
     * chunks of rows pad once, not per chunk).
     */
    static Array perPixel(DenseArray padded, Array f, Fn2 kernel, int r0, int r1, IntConsumer onRow) {
        int k = f.shape()[0];
        int w = padded.shape()[1] - 2 * (k / 2);
        int c = padded.shape()[2];
        DType t = resultDType(padded, f);
        Object out = Storage.allocate(t, (r1 - r0) * w * c);
        for (int i = r0; i < r1; i++) {
            for (int j = 0; j < w; j++) {
                Array px = kernel.apply(padded.get(Index.slice(i, i + k), Index.slice(j, j + k), Index.ALL), f);
                DenseArray v = (DenseArray) px;
                System.arraycopy(v.buffer(), 0, out, ((i - r0) * w + j) * c, c);
            }
            onRow.accept(i);
        }
        return DenseArray.wrap(ArrayType.of(t, r1 - r0, w, c), out);
    }

    /** The dtype of {@code A * F} (uint8 times int32 is int32, times float32 is float32). */
    static DType resultDType(Array a, Array f) {
        return Jnp.multiply(Jnp.zeros(new int[0], a.dtype()), Jnp.zeros(new int[0], f.dtype())).dtype();
    }

    /** The whole image at once: one depthwise {@code conv_general_dilated} (NHWC, HWIO, C groups). */
    static Array depthwiseConv(Array a, Array f) {
        int[] s = a.shape();
        int h = s[0], w = s[1], c = s[2];
        int k = f.shape()[0];
        int p = k / 2;
        DType t = resultDType(a, f);
        Array x = a.astype(t).reshape(1, h, w, c);
        Array kernel = Jnp.broadcastTo(f.astype(t).reshape(k, k, 1, 1), k, k, 1, c);
        Array y = Lax.convGeneralDilated(x, kernel, new int[] {1, 1}, new int[][] {{p, p}, {p, p}}, null, null,
                new String[] {"NHWC", "HWIO", "NHWC"}, c, 1, null, null);
        return y.reshape(h, w, c);
    }

    /**
     * The same filter as a sum of shifted slices of the zero-padded image:
     * {@code sum over (di, dj) of F[di, dj] * Apad[di:di+H, dj:dj+W, :]}.
     */
    static Array slices(Array padded, Array f) {
        int k = f.shape()[0];
        int h = padded.shape()[0] - (k - 1);
        int w = padded.shape()[1] - (k - 1);
        Array acc = null;
        for (int di = 0; di < k; di++) {
            for (int dj = 0; dj < k; dj++) {
                Array term = padded.get(Index.slice(di, di + h), Index.slice(dj, dj + w), Index.ALL).mul(f.get(di, dj));
                acc = acc == null ? term : acc.add(term);
            }
        }
        return acc;
    }
}
