package dev.jaxvm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.ConvFixtures;
import dev.jaxvm.numpy.Jnp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing image files. */
class ImagesTest {
    @TempDir
    Path dir;

    /** A u8[h,w,c] test pattern: pixel (i, j, k) = (i * 31 + j * 17 + k * 70) mod 256. */
    private static Array pattern(int h, int w, int c) {
        byte[] b = new byte[h * w * c];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int k = 0; k < c; k++) b[(i * w + j) * c + k] = (byte) (i * 31 + j * 17 + k * 70);
            }
        }
        return dev.jaxvm.core.DenseArray.wrap(dev.jaxvm.core.ArrayType.of(DType.UINT8, h, w, c), b);
    }

    @Test
    void losslessFormatsRoundTripGreyRgbAndRgba() throws IOException {
        for (int c : new int[] {1, 2, 3, 4}) {
            Array img = pattern(5, 7, c);
            Path p = dir.resolve("img" + c + ".png");
            Images.write(img, p);
            Array back = Images.read(p);
            assertArrayEquals(new int[] {5, 7, c}, back.shape(), "png channels " + c);
            assertEquals(DType.UINT8, back.dtype());
            assertArrayEquals(img.toIntArray(), back.toIntArray(), "png channels " + c);
        }
        Array rgb = pattern(4, 6, 3);
        Path bmp = dir.resolve("x.bmp");
        Images.write(rgb, bmp);
        assertArrayEquals(rgb.toIntArray(), Images.read(bmp).toIntArray());
        Array grey = pattern(3, 3, 1).reshape(3, 3);
        Path g = dir.resolve("g.png");
        Images.write(grey, g);
        assertArrayEquals(new int[] {3, 3, 1}, Images.read(g).shape());
    }

    @Test
    void jpegAndGifKeepShapeAndApproximateValues() throws IOException {
        Array flat = Jnp.full(new int[] {16, 16, 3}, 100, DType.UINT8);
        Path jpg = dir.resolve("x.jpg");
        Images.write(flat, jpg);
        Array back = Images.read(jpg);
        assertArrayEquals(new int[] {16, 16, 3}, back.shape());
        for (int v : back.toIntArray()) assertTrue(Math.abs(v - 100) <= 2, "jpeg value " + v);
        Path gif = dir.resolve("x.gif");
        Images.write(flat, gif);
        Array g = Images.read(gif);
        assertEquals(16, g.shape()[0]);
        assertEquals(16, g.shape()[1]);
    }

    @Test
    void realDtypesAreRoundedAndClipped() throws IOException {
        Array f = Jnp.array(new float[] {-3f, 0.5f, 1.5f, 2.7f, 254.5f, 300f, Float.NaN, 7.49f}).reshape(2, 4, 1);
        assertArrayEquals(new int[] {0, 0, 2, 3, 254, 255, 0, 7}, Images.toUint8(f, Rounding.NEAREST_EVEN).toIntArray());
        assertArrayEquals(new int[] {0, 0, 1, 2, 254, 255, 0, 7}, Images.toUint8(f, Rounding.FLOOR).toIntArray());
        Array i = Jnp.array(new int[] {-5, 12, 256, 255}).reshape(2, 2);
        assertArrayEquals(new int[] {0, 12, 255, 255}, Images.toUint8(i, Rounding.TRUNCATE).toIntArray());
        Path p = dir.resolve("f.png");
        Images.write(f, p);
        assertArrayEquals(new int[] {0, 0, 2, 3, 254, 255, 0, 7}, Images.read(p).toIntArray());
    }

    @Test
    void errorsNameTheFileAndLeaveNothingBehind() throws IOException {
        Path missing = dir.resolve("missing.png");
        NoSuchFileException nf = assertThrows(NoSuchFileException.class, () -> Images.read(missing));
        assertTrue(nf.getMessage().contains("missing.png"), nf.getMessage());

        Path junk = dir.resolve("junk.png");
        Files.write(junk, "this is not an image at all".getBytes());
        IOException e = assertThrows(IOException.class, () -> Images.read(junk));
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());

        Path good = dir.resolve("good.png");
        Images.write(pattern(40, 40, 3), good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(IOException.class, () -> Images.read(cut));
        assertTrue(e.getMessage().contains("cut.png") && e.getMessage().contains("truncated or corrupt"), e.getMessage());

        long before;
        try (var s = Files.list(dir)) {
            before = s.count();
        }
        assertThrows(IllegalArgumentException.class, () -> Images.write(pattern(2, 2, 3), dir.resolve("x.tiff")));
        assertThrows(IllegalArgumentException.class, () -> Images.write(Jnp.ones(2, 2, 5), dir.resolve("y.png")));
        Path blocker = dir.resolve("blocker.png");
        Files.createDirectories(blocker.resolve("child"));
        assertThrows(IOException.class, () -> Images.write(pattern(2, 2, 3), blocker));
        try (var s = Files.list(dir)) {
            assertEquals(before + 1, s.count(), "no temporary or partial files are left");
        }
    }

    @Test
    void readsTheLadybird() throws IOException {
        Path p = Path.of("../../shared/data/ladybird-1498x2078.png");
        if (!Files.exists(p)) p = Path.of("/work/shared/data/ladybird-1498x2078.png");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(p), "shared/data not present");
        Array img = Images.read(p);
        JsonObject ref = ConvFixtures.load("ladybird_crop");
        assertArrayEquals(new int[] {1498, 2078, 4}, img.shape());
        assertEquals(DType.UINT8, img.dtype());
        for (Map.Entry<String, com.google.gson.JsonElement> e : ref.getAsJsonObject("pixels").entrySet()) {
            String[] rc = e.getKey().split(",");
            assertArrayEquals(ConvFixtures.ints(e.getValue()), img.get(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]))
                    .toIntArray(), "pixel " + e.getKey());
        }
        int[] o = ConvFixtures.ints(ref.get("crop_origin"));
        Array crop = ConvFixtures.array(ref.getAsJsonObject("crop"));
        int[] cs = crop.shape();
        assertArrayEquals(crop.toIntArray(), img.get(dev.jaxvm.Index.slice(o[0], o[0] + cs[0]),
                dev.jaxvm.Index.slice(o[1], o[1] + cs[1])).toIntArray());
    }
}
