package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.Index;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn2;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A filter written as a sum of shifted slices of a padded image times scalars compiles to the
 * {@link Stencil} library kernel and equals the eager evaluation bit for bit (3x3, 7x7, 3-D and 4-D
 * images, odd sizes, weights from an argument or constants); other sums keep the fused loop.
 */
class StencilTest {

    /** {@code sum over (di, dj) of f[di, dj] * padded[di:di+h, dj:dj+w, :]} (as the demo's Ways.slices). */
    private static Array slices(Array padded, Array f, boolean batch) {
        int k = f.shape()[0], o = batch ? 1 : 0;
        int h = padded.shape()[o] - (k - 1), w = padded.shape()[o + 1] - (k - 1);
        Array acc = null;
        for (int di = 0; di < k; di++) {
            for (int dj = 0; dj < k; dj++) {
                Array s = batch ? padded.get(Index.ALL, Index.slice(di, di + h), Index.slice(dj, dj + w), Index.ALL)
                        : padded.get(Index.slice(di, di + h), Index.slice(dj, dj + w), Index.ALL);
                Array term = s.mul(f.get(di, dj));
                acc = acc == null ? term : acc.add(term);
            }
        }
        return acc;
    }

    private static DenseArray random(Random r, int... shape) {
        ArrayType t = ArrayType.of(DType.FLOAT32, shape);
        float[] a = new float[t.size()];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 255;
        return DenseArray.wrap(t, a);
    }

    @Test
    void shiftedSlicesCompileToAStencilEqualToEager() {
        Random r = new Random(21);
        int[][] sizes = {{5, 7, 4}, {23, 41, 3}, {9, 70, 1}, {2, 2, 4}};
        for (int k : new int[] {3, 7}) {
            for (int[] s : sizes) {
                for (boolean batch : new boolean[] {false, true}) {
                    int p = k - 1;
                    DenseArray padded = batch ? random(r, 1, s[0] + p, s[1] + p, s[2]) : random(r, s[0] + p, s[1] + p, s[2]);
                    DenseArray f = random(r, k, k);
                    JitFn2 jit = Jax.jit((Fn2) (a, b) -> slices(a, b, batch));
                    String text = jit.lower(padded, f).compile().asText();
                    assertTrue(text.contains("stencil"), text);
                    Array want = slices(padded, f, batch);
                    assertArrayEquals(want.toFloatArray(), jit.apply(padded, f).toFloatArray(), k + "x" + k + " " + java.util.Arrays.toString(s));
                }
            }
        }
    }

    @Test
    void constantWeightsAndOtherSums() {
        Random r = new Random(5);
        DenseArray x = random(r, 12, 13, 2);
        Fn2 constants = (a, unused) -> {
            Array acc = null;
            for (int d = 0; d < 5; d++) {
                Array term = a.get(Index.slice(d, d + 8), Index.ALL, Index.ALL).mul(0.25f + d);
                acc = acc == null ? term : acc.add(term);
            }
            return acc;
        };
        JitFn2 jc = Jax.jit(constants);
        assertTrue(jc.lower(x, x).compile().asText().contains("stencil"));
        assertArrayEquals(constants.apply(x, x).toFloatArray(), jc.apply(x, x).toFloatArray());
        // a balanced sum (right operands that are sums) adds in another order: it stays a fused loop
        Fn2 balanced = (a, unused) -> {
            Array s0 = a.get(Index.slice(0, 8), Index.ALL, Index.ALL).mul(2f).add(a.get(Index.slice(1, 9), Index.ALL, Index.ALL).mul(3f));
            Array s1 = a.get(Index.slice(2, 10), Index.ALL, Index.ALL).mul(4f).add(a.get(Index.slice(3, 11), Index.ALL, Index.ALL).mul(5f));
            return s0.add(s1);
        };
        JitFn2 jb = Jax.jit(balanced);
        assertFalse(jb.lower(x, x).compile().asText().contains("stencil"));
        assertArrayEquals(balanced.apply(x, x).toFloatArray(), jb.apply(x, x).toFloatArray());
    }

    @Test
    void uint8AndInt32ImagesConvertedInTheSumAlsoCompileToAStencil() {
        Random r = new Random(33);
        for (DType t : new DType[] {DType.UINT8, DType.INT32}) {
            for (int k : new int[] {3, 7}) {
                int[] shape = {17 + k - 1, 23 + k - 1, 4};
                ArrayType at = ArrayType.of(t, shape);
                Object data = dev.jaxvm.core.Storage.allocate(t, at.size());
                for (int i = 0; i < at.size(); i++) dev.jaxvm.core.Storage.setLong(t, data, i, r.nextInt(256) - (t == DType.INT32 ? 100 : 0));
                DenseArray padded = DenseArray.wrap(at, data);
                DenseArray f = random(r, k, k);
                JitFn2 jit = Jax.jit((Fn2) (a, b) -> slices(a, b, false));
                String text = jit.lower(padded, f).compile().asText();
                assertTrue(text.contains("stencil[" + t.shortName() + "->f32"), text);
                assertArrayEquals(slices(padded, f, false).toFloatArray(), jit.apply(padded, f).toFloatArray(), t + " " + k);
            }
        }
    }
}
