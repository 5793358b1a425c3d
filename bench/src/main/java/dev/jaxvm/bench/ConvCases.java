package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.Index;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn2;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.Random;

/**
 * The convolution benchmark cases of issue 7 (shared by {@link ConvBench} and {@link ConvTimer}): the
 * demo's 1x1498x2078x4 image filtered depthwise by the 3x3 sharpen or the 7x7 box blur, zero padding,
 * as one jitted {@code convGeneralDilated} (float32, or uint8 converted inside the jitted function)
 * and as the same filter written as 49 (or 9) shifted {@code Jnp} slices of the padded image.
 */
final class ConvCases {
    static final int H = 1498, W = 2078, C = 4;

    private ConvCases() {}

    /** The filter: the sharpen {@code [[0,-1,0],[-1,5,-1],[0,-1,0]]} (k = 3) or the k x k box blur. */
    static float[] filter(int k) {
        float[] f = new float[k * k];
        if (k == 3) f = new float[] {0, -1, 0, -1, 5, -1, 0, -1, 0};
        else java.util.Arrays.fill(f, 1f / (k * k));
        return f;
    }

    /** The HWIO depthwise kernel {@code k x k x 1 x 4} of {@link #filter}. */
    static DenseArray kernel(int k, DType t) {
        float[] f = filter(k);
        ArrayType at = ArrayType.of(t, k, k, 1, C);
        if (t == DType.INT32) {
            int[] a = new int[k * k * C];
            for (int i = 0; i < a.length; i++) a[i] = (int) f[i / C];
            return DenseArray.wrap(at, a);
        }
        float[] a = new float[k * k * C];
        for (int i = 0; i < a.length; i++) a[i] = f[i / C];
        return DenseArray.wrap(at, a);
    }

    /** A random 1 x H x W x 4 image of pixel values 0..255 in dtype {@code t} (uint8 or float32). */
    static DenseArray image(DType t, int pad) {
        ArrayType at = t == DType.UINT8 ? ArrayType.of(t, 1, H + 2 * pad, W + 2 * pad, C) : ArrayType.of(t, 1, H + 2 * pad, W + 2 * pad, C);
        Random r = new Random(5);
        if (t == DType.UINT8) {
            byte[] b = new byte[at.size()];
            r.nextBytes(b);
            return DenseArray.wrap(at, b);
        }
        float[] a = new float[at.size()];
        for (int i = 0; i < a.length; i++) a[i] = r.nextInt(256);
        return DenseArray.wrap(at, a);
    }

    /** The depthwise NHWC/HWIO convolution with "SAME" zero padding, the image converted to {@code to} first. */
    static JitFn2 conv(DType to) {
        return Jax.jit((Fn2) (img, k) -> Lax.convGeneralDilated(img.dtype() == to ? img : img.astype(to), k, new int[] {1, 1}, "SAME",
                null, null, new String[] {"NHWC", "HWIO", "NHWC"}, C, 1, null, null));
    }

    /** The filter as a sum of shifted slices of the padded image times the filter's scalars (as the demo's {@code Ways.slices}). */
    static JitFn2 slices() {
        return Jax.jit((Fn2) (padded, f) -> {
            int k = f.shape()[0];
            int h = padded.shape()[1] - (k - 1), w = padded.shape()[2] - (k - 1);
            Array acc = null;
            for (int di = 0; di < k; di++) {
                for (int dj = 0; dj < k; dj++) {
                    Array term = padded.get(Index.ALL, Index.slice(di, di + h), Index.slice(dj, dj + w), Index.ALL).mul(f.get(di, dj));
                    acc = acc == null ? term : acc.add(term);
                }
            }
            return acc;
        });
    }

    /** A batch of 32 random RGB 224x224 float32 images (NHWC) and a random 3x3x3x64 HWIO kernel. */
    static DenseArray[] batch() {
        Random r = new Random(9);
        ArrayType it = ArrayType.of(DType.FLOAT32, 32, 224, 224, 3), kt = ArrayType.of(DType.FLOAT32, 3, 3, 3, 64);
        float[] a = new float[it.size()], k = new float[kt.size()];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        for (int i = 0; i < k.length; i++) k[i] = r.nextFloat() - 0.5f;
        return new DenseArray[] {DenseArray.wrap(it, a), DenseArray.wrap(kt, k)};
    }

    /** The batch convolution: NHWC/HWIO/NHWC, "SAME", 64 output channels (2 x 32 x 224 x 224 x 27 x 64 = 5.55 GFLOP). */
    static JitFn2 batchConv() {
        return Jax.jit((Fn2) (img, k) -> Lax.convGeneralDilated(img, k, new int[] {1, 1}, "SAME", null, null,
                new String[] {"NHWC", "HWIO", "NHWC"}, 1, 1, null, null));
    }

    /** The filter as a {@code k x k} float32 array (the slices form's second argument). */
    static DenseArray filterArray(int k) { return DenseArray.wrap(ArrayType.of(DType.FLOAT32, k, k), filter(k)); }
}
