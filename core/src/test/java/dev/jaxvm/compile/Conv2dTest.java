package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn1;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.ConvDimensionNumbers;
import dev.jaxvm.lax.ConvGeneralDilated;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Pads;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct conv2d library kernel equals conv_general_dilated's reference evaluation: bit for bit for
 * int32 and for float32 without the Vector API (double row sums), within float32 rounding of the sum
 * of |terms| for float32 depthwise rows with it (float32 FMAs).
 */
class Conv2dTest {
    private static final ConvDimensionNumbers NHWC = ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC");

    private static ConvGeneralDilated conv(int[][] pads, int groups, Ints strides) {
        return new ConvGeneralDilated(strides, Pads.of(pads), Ints.of(1, 1), Ints.of(1, 1), NHWC, groups, 1, null, null);
    }

    /** Runs the lowered kernel and the reference on random operands; returns the kernel's description. */
    private static String check(DType t, int n, int h, int w, int c, int kh, int kw, int o, boolean depthwise, int[][] pads,
                                Random rnd) {
        ConvGeneralDilated p = conv(pads, depthwise ? c : 1, Ints.of(1, 1));
        ArrayType lt = ArrayType.of(t, n, h, w, c), rt = ArrayType.of(t, kh, kw, depthwise ? 1 : c, o);
        ArrayType out = p.abstractEval(List.of(lt, rt)).getFirst();
        Lowering l = p.lower(List.of(lt, rt), List.of(out));
        LibraryKernel k = assertInstanceOf(Lowering.Library.class, l, () -> l.toString()).kernel();
        DenseArray a = Oracle.random(lt, rnd), b = Oracle.random(rt, rnd);
        DenseArray want = p.evaluate(List.of(a, b), List.of(out)).getFirst();
        for (boolean vector : new boolean[] {false, VectorEmitter.AVAILABLE}) {
            DenseArray got = ((Conv2d) k).run(List.of(a, b), List.of(out), vector).getFirst();
            // float32 depthwise sums exactly as the reference (double sums of exact products, bit for bit);
            // dense float32 with the Vector API sums in float32 FMAs: within a few ulps of the sum of |terms|
            double fmaTol = 1e-6 * kh * kw * (depthwise ? 1 : c) * 9;
            double atol = t == DType.FLOAT32 && (!depthwise || Conv2d.FMA) ? fmaTol : 0;
            Oracle.assertClose(want, got, 0, atol, k.describe() + " vector " + vector + " pads " + java.util.Arrays.deepToString(pads));
            if (vector && depthwise && t == DType.FLOAT32) {   // the float32 FMA kernel of -Djaxvm.conv.fma=true
                Conv2d g = (Conv2d) k;
                float[] fma = ConvDepthwiseRows.run(g, a.buffer(), (float[]) b.buffer(), out.size(), n * g.oh(), 1);
                Oracle.assertClose(want, DenseArray.wrap(out, fma), 0, fmaTol, k.describe() + " float32 FMA kernel");
            }
        }
        return k.describe();
    }

    @Test
    void depthwiseAndDenseOnOddSizesPaddingsAndChannels() {
        Random rnd = new Random(7);
        int[][][] pads = {{{0, 0}, {0, 0}}, {{1, 1}, {1, 1}}, {{3, 3}, {3, 3}}, {{2, 0}, {0, 3}}, {{0, 4}, {5, 1}}};
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32}) {
            for (int c = 1; c <= 9; c++) {
                int[][] pd = pads[c % pads.length];
                int kh = 1 + c % 4, kw = 1 + (c * 5) % 7;
                check(t, 1 + c % 2, 5 + c, 3 + 2 * c, c, kh, kw, c, true, pd, rnd);
                check(t, 1, 4 + c % 3, 6 + c, c, kh, kw, 1 + (c * 3) % 5, false, pd, rnd);
            }
        }
    }

    @Test
    void blocksLongerThanOneWeightTileAndKernelsWiderThanTheImage() {
        Random rnd = new Random(11);
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32}) {
            check(t, 1, 3, 700, 3, 3, 3, 3, true, new int[][] {{1, 1}, {1, 1}}, rnd);
            check(t, 1, 2, 3, 4, 7, 7, 4, true, new int[][] {{3, 3}, {3, 3}}, rnd);
            check(t, 2, 2, 2, 2, 5, 6, 3, false, new int[][] {{2, 2}, {3, 2}}, rnd);
        }
    }

    @Test
    void denseWithManyOutputChannelsOnOddSizes() {
        Random rnd = new Random(13);
        int[][][] pads = {{{1, 1}, {1, 1}}, {{0, 0}, {0, 0}}, {{2, 0}, {0, 3}}};
        for (int i = 0; i < pads.length; i++) {
            check(DType.FLOAT32, 2, 5 + i, 3 + 4 * i, 1 + i, 3, 1 + 2 * i, 64, false, pads[i], rnd);
            check(DType.FLOAT32, 1, 4, 9, 3, 3, 3, 128, false, pads[i], rnd);
        }
    }

    @Test
    void otherConfigurationsTakeTheGeneralKernel() {
        ArrayType lt = ArrayType.of(DType.FLOAT32, 1, 8, 8, 2), rt = ArrayType.of(DType.FLOAT32, 3, 3, 2, 2);
        ConvGeneralDilated strided = conv(new int[][] {{1, 1}, {1, 1}}, 1, Ints.of(2, 2));
        ArrayType out = strided.abstractEval(List.of(lt, rt)).getFirst();
        Lowering l = strided.lower(List.of(lt, rt), List.of(out));
        assertInstanceOf(ConvGeneral.class, assertInstanceOf(Lowering.Library.class, l).kernel());
        ArrayType f16 = ArrayType.of(DType.FLOAT16, 1, 8, 8, 2), r16 = ArrayType.of(DType.FLOAT16, 3, 3, 2, 2);
        ConvGeneralDilated plain = conv(new int[][] {{1, 1}, {1, 1}}, 1, Ints.of(1, 1));
        ArrayType o16 = plain.abstractEval(List.of(f16, r16)).getFirst();
        assertInstanceOf(Lowering.NotLowerable.class, plain.lower(List.of(f16, r16), List.of(o16)));
    }

    @Test
    void jittedDepthwiseSharpenUsesTheKernel() {
        Random rnd = new Random(3);
        DenseArray img = Oracle.random(ArrayType.of(DType.FLOAT32, 1, 37, 29, 4), rnd);
        float[] k = new float[3 * 3 * 4];
        float[][] sharpen = {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}};
        for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) for (int ch = 0; ch < 4; ch++) k[(y * 3 + x) * 4 + ch] = sharpen[y][x];
        Array kernel = DenseArray.wrap(ArrayType.of(DType.FLOAT32, 3, 3, 1, 4), k);
        JitFn1 f = Jax.jit(x -> Lax.convGeneralDilated(x, kernel, new int[] {1, 1}, "SAME", null, null,
                new String[] {"NHWC", "HWIO", "NHWC"}, 4, 1, null, null));
        DenseArray got = (DenseArray) f.apply(img);
        DenseArray want = (DenseArray) Lax.convGeneralDilated(img, kernel, new int[] {1, 1}, "SAME", null, null,
                new String[] {"NHWC", "HWIO", "NHWC"}, 4, 1, null, null);
        Oracle.assertClose(want, got, 0, "jitted sharpen");
        assertEquals(List.of(1, 37, 29, 4), java.util.Arrays.stream(got.type().shape().dims()).boxed().toList());
    }

    @Test
    void uint8ImageConvertedInsideTheJittedFunctionIsFusedIntoTheKernel() {
        Random rnd = new Random(8);
        for (int[] s : new int[][] {{37, 29, 4}, {5, 70, 4}, {9, 11, 3}, {1, 1, 4}}) {
            for (int k : new int[] {3, 7}) {
                byte[] px = new byte[s[0] * s[1] * s[2]];
                rnd.nextBytes(px);
                DenseArray img = DenseArray.wrap(ArrayType.of(DType.UINT8, 1, s[0], s[1], s[2]), px);
                DenseArray kernel = Oracle.random(ArrayType.of(DType.FLOAT32, k, k, 1, s[2]), rnd);
                dev.jaxvm.Fn2 f = (x, w) -> Lax.convGeneralDilated(x.astype(DType.FLOAT32), w, new int[] {1, 1}, "SAME", null, null,
                        new String[] {"NHWC", "HWIO", "NHWC"}, s[2], 1, null, null);
                dev.jaxvm.JitFn2 jit = Jax.jit(f);
                String text = jit.lower(img, kernel).compile().asText();
                if (VectorEmitter.AVAILABLE) assertEquals(true, text.contains("fused"), text);
                DenseArray want = (DenseArray) f.apply(img, kernel);
                DenseArray got = (DenseArray) jit.apply(img, kernel);
                Oracle.assertClose(want, got, 0, Conv2d.FMA ? 1e-6 * k * k * 255 * 9 : 0, "u8 " + java.util.Arrays.toString(s) + " k " + k);
            }
        }
    }

    @Test
    void uint8ImageToInt32IsExactWithSmallAndLargeWeights() {
        Random rnd = new Random(9);
        for (int bound : new int[] {6, 1 << 16, 1 << 20}) {   // float-exact, double-exact (255 * 9 * 2^16 > 2^24), widened
            for (int[] s : new int[][] {{37, 29, 4}, {6, 3, 2}}) {
                byte[] px = new byte[s[0] * s[1] * s[2]];
                rnd.nextBytes(px);
                DenseArray img = DenseArray.wrap(ArrayType.of(DType.UINT8, 1, s[0], s[1], s[2]), px);
                int[] w = new int[9 * s[2]];
                for (int i = 0; i < w.length; i++) w[i] = rnd.nextInt(2 * bound + 1) - bound;
                DenseArray kernel = DenseArray.wrap(ArrayType.of(DType.INT32, 3, 3, 1, s[2]), w);
                dev.jaxvm.Fn2 f = (x, k) -> Lax.convGeneralDilated(x.astype(DType.INT32), k, new int[] {1, 1}, "SAME", null, null,
                        new String[] {"NHWC", "HWIO", "NHWC"}, s[2], 1, null, null);
                dev.jaxvm.JitFn2 jit = Jax.jit(f);
                if (VectorEmitter.AVAILABLE) assertEquals(true, jit.lower(img, kernel).compile().asText().contains("fused"));
                ConvGeneralDilated p = conv(new int[][] {{1, 1}, {1, 1}}, s[2], Ints.of(1, 1));
                DenseArray wide = (DenseArray) img.astype(DType.INT32);
                DenseArray want = p.evaluate(List.of(wide, kernel), List.of(p.abstractEval(List.of(wide.type(), kernel.type())).getFirst()))
                        .getFirst();
                Oracle.assertClose(want, (DenseArray) jit.apply(img, kernel), 0, "u8 -> i32 bound " + bound);
            }
        }
    }
}
