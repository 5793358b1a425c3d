package dev.jaxvm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.image.Images;
import dev.jaxvm.image.Rounding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's ways agree with each other and with the NumPy/SciPy reference of
 * {@code tools/gen_conv_cases.py} on a 24x30 crop of the bundled photo.
 */
class DemoWaysTest {
    private static final JsonObject REF = load();

    private static JsonObject load() {
        try {
            return JsonParser.parseString(Files.readString(Path.of("../core/src/test/resources/conv/ladybird_crop.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An integer array from {@code {shape, dtype, data}}. */
    private static DenseArray array(JsonObject o) {
        JsonArray s = o.getAsJsonArray("shape");
        int[] dims = new int[s.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = s.get(i).getAsInt();
        DType t = DType.of(o.get("dtype").getAsString());
        JsonArray d = o.getAsJsonArray("data");
        Object data = Storage.allocate(t, d.size());
        for (int i = 0; i < d.size(); i++) Storage.setLong(t, data, i, d.get(i).getAsLong());
        return DenseArray.wrap(new ArrayType(new Shape(dims), t, false), data);
    }

    private static double[] doubles(JsonObject o) {
        JsonArray d = o.getAsJsonArray("data");
        double[] out = new double[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = d.get(i).getAsDouble();
        return out;
    }

    private static final Array CROP = array(REF.getAsJsonObject("crop"));

    @Test
    void sharpenIsBitExactEveryWay() {
        Array f = Filters.sharpen();
        int[] want = array(REF.getAsJsonObject("sharpen_int32")).toIntArray();
        Array conv = Ways.depthwiseConv(CROP, f);
        assertEquals(DType.INT32, conv.dtype());
        assertArrayEquals(want, conv.toIntArray(), "convGeneralDilated");
        assertArrayEquals(want, Jax.jit((Fn2) Ways::slices).named("slices").apply(Ways.pad(CROP, 1), f).toIntArray(), "slices");
        int h = CROP.shape()[0];
        assertArrayEquals(want, Ways.perPixel(CROP, f, Jax.jit((Fn2) Ways::executeKernel).named("execute_kernel"), 0, h, i -> { })
                .toIntArray(), "per-pixel jitted");
        assertArrayEquals(java.util.Arrays.copyOf(want, 2 * CROP.shape()[1] * 4),
                Ways.perPixel(CROP, f, Ways::executeKernel, 0, 2, i -> { }).toIntArray(), "per-pixel eager, 2 rows");
    }

    @Test
    void blurIsWithinOneUlpAndRoundsToTheSamePixels() {
        Array f = Filters.box(7);
        double[] ref = doubles(REF.getAsJsonObject("blur7_float64"));
        Array conv = Ways.depthwiseConv(CROP, f);
        Array perPixel = Ways.perPixel(CROP, f, Jax.jit((Fn2) Ways::executeKernel).named("execute_kernel"), 0, CROP.shape()[0],
                i -> { });
        Array slices = Ways.slices(Ways.pad(CROP, 3), f);
        assertEquals(DType.FLOAT32, conv.dtype());
        // the compiled depthwise kernel sums the 49 exact products in double and rounds once, as the reference
        // evaluation (-Djaxvm.conv.fma=true: float32 FMAs, 8 ulps on this crop)
        assertTrue(maxUlps(ref, conv) <= (Boolean.getBoolean("jaxvm.conv.fma") ? 16 : 1), "conv ulps " + maxUlps(ref, conv));
        assertTrue(maxUlps(ref, perPixel) <= 1, "per-pixel ulps " + maxUlps(ref, perPixel));
        assertTrue(maxUlps(ref, slices) <= 32, "slices (float32 running sum of 49 terms) ulps " + maxUlps(ref, slices));
        byte[] want = new byte[ref.length];
        for (int i = 0; i < ref.length; i++) want[i] = (byte) Math.max(0, Math.min(255, Math.rint(ref[i])));
        for (Array a : new Array[] {conv, perPixel, slices}) {
            assertArrayEquals(want, (byte[]) Images.toUint8(a, Rounding.NEAREST_EVEN).buffer());
        }
    }

    /** The largest distance in float32 ulps between {@code got} and the float32 rounding of {@code ref}. */
    private static long maxUlps(double[] ref, Array got) {
        float[] g = got.toFloatArray();
        long m = 0;
        for (int i = 0; i < ref.length; i++) {
            m = Math.max(m, Math.abs((long) Float.floatToIntBits((float) ref[i]) - Float.floatToIntBits(g[i])));
        }
        return m;
    }

    @Test
    void npyFiltersAndAllModesAgree(@TempDir Path dir) throws Exception {
        // a float32 3x3 .npy (NumPy format 1.0): the box blur
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 36).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes());
        for (int i = 0; i < 9; i++) b.putFloat(1f / 9);
        Path npy = dir.resolve("box.npy");
        Files.write(npy, b.array());
        Array f = Filters.named(npy.toString());
        assertArrayEquals(new int[] {3, 3}, f.shape());
        assertEquals(DType.FLOAT32, f.dtype());
        Path in = dir.resolve("in.png");
        Array small = CROP.get(dev.jaxvm.Index.slice(0, 6), dev.jaxvm.Index.slice(0, 7));
        Images.write(small, in);
        byte[] first = null;
        for (String mode : new String[] {"jit", "eager", "per-pixel"}) {
            Path out = dir.resolve(mode + ".png");
            assertEquals(0, Main.commandLine().execute("convolve", in.toString(), out.toString(),
                    "--filter", npy.toString(), "--mode", mode));
            byte[] px = (byte[]) Images.toUint8(Images.read(out), Rounding.NEAREST_EVEN).buffer();
            if (first == null) first = px;
            else assertArrayEquals(first, px, mode);
        }
        assertEquals(1, Main.commandLine().execute("convolve", in.toString(), "x.png", "--filter", "nope"));
        assertEquals(1, Main.commandLine().execute("convolve", dir.resolve("missing.png").toString(), "x.png", "--filter", "edge"));
    }

    @Test
    void convolveCommandWritesAFilteredImage(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.png");
        Images.write(CROP, in);
        Path out = dir.resolve("out.png");
        int rc = Main.commandLine().execute("convolve", in.toString(), out.toString(), "--filter", "sharpen");
        assertEquals(0, rc);
        Array got = Images.read(out);
        int[] sharp = array(REF.getAsJsonObject("sharpen_int32")).toIntArray();
        int[] src = CROP.toIntArray();
        int[] g = got.toIntArray();
        for (int i = 0; i < g.length; i++) {
            int want = i % 4 == 3 ? src[i] : Math.max(0, Math.min(255, sharp[i]));
            assertEquals(want, g[i], "pixel value " + i);
        }
    }
}
