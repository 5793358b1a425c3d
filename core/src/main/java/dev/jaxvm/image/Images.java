package dev.jaxvm.image;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image files as arrays: {@link #read} gives {@code u8[H,W,C]} (C = 1 grey, 2 grey+alpha, 3 RGB,
 * 4 RGBA, as stored), {@link #write} stores such an array as PNG, JPEG, BMP or GIF (by extension).
 * Reading and writing use {@code javax.imageio}.
 *
 * {@snippet :
 * Array img = Images.read(Path.of("photo.png"));          // u8[1498,2078,4]
 * Array dark = img.astype(DType.FLOAT32).mul(0.5);
 * Images.write(dark, Path.of("dark.png"));                 // rounded and clipped to 0..255
 * }
 *
 * <p>Errors name the file: a missing file raises {@link NoSuchFileException}, an unknown format or a
 * truncated or corrupt file an {@link IOException}. Writing goes to a temporary file in the target
 * folder that is moved into place at the end, so a failed write leaves no partial file.
 */
public final class Images {
    private Images() {}

    /**
     * Reads an image file into a {@code u8[H,W,C]} array.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if it is not a readable PNG, JPEG, BMP or GIF, or is truncated or corrupt
     */
    public static Array read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) throw new NoSuchFileException(path.toString(), null, "no such image file");
        try (InputStream raw = Files.newInputStream(path)) {
            return read(raw, path.toString());
        }
    }

    /**
     * Reads an image from a stream (e.g. a resource) into a {@code u8[H,W,C]} array; {@code name}
     * names it in errors.
     *
     * @throws IOException if it is not a readable PNG, JPEG, BMP or GIF, or is truncated or corrupt
     */
    public static Array read(InputStream raw, String name) throws IOException {
        BufferedImage img;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("cannot read image " + name + ": not a PNG, JPEG, BMP or GIF file");
            }
            ImageReader reader = readers.next();
            try {
                reader.addIIOReadWarningListener((r, w) -> warnings.add(w));
                reader.setInput(in, true, true);
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("cannot read image")) throw io;
            throw new IOException("cannot read image " + name + ": truncated or corrupt file (" + e.getMessage() + ")", e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException("cannot read image " + name + ": truncated or corrupt file (" + String.join("; ", warnings) + ")");
        }
        return toArray(img);
    }

    /** The pixels of a decoded image as {@code u8[H,W,C]}. */
    static DenseArray toArray(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        boolean direct = !(img.getColorModel() instanceof IndexColorModel) && bands >= 1 && bands <= 4
                && img.getColorModel().getNumComponents() == bands && sameSampleSize(r);
        if (direct) {
            int shift = Math.max(0, r.getSampleModel().getSampleSize(0) - 8);
            int[] px = r.getPixels(0, 0, w, h, (int[]) null);
            byte[] out = new byte[px.length];
            for (int i = 0; i < px.length; i++) out[i] = (byte) (px[i] >>> shift);
            return DenseArray.wrap(ArrayType.of(DType.UINT8, h, w, bands), out);
        }
        boolean alpha = img.getColorModel().hasAlpha();
        int c = alpha ? 4 : 3;
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * c];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i * c] = (byte) (p >>> 16);
            out[i * c + 1] = (byte) (p >>> 8);
            out[i * c + 2] = (byte) p;
            if (alpha) out[i * c + 3] = (byte) (p >>> 24);
        }
        return DenseArray.wrap(ArrayType.of(DType.UINT8, h, w, c), out);
    }

    private static boolean sameSampleSize(Raster r) {
        int[] sizes = r.getSampleModel().getSampleSize();
        for (int s : sizes) if (s != sizes[0] || (s != 8 && s != 16)) return false;
        return true;
    }

    /**
     * Writes {@code image} ({@code [H,W]} or {@code [H,W,C]} with C in 1..4, any real dtype) to
     * {@code path}; the format follows the extension ({@code .png}, {@code .jpg}/{@code .jpeg},
     * {@code .bmp}, {@code .gif}). Non-uint8 values are rounded to nearest (ties to even) and
     * clipped to 0..255 as {@link #toUint8}. JPEG and BMP have no alpha channel: it is dropped.
     *
     * @throws IllegalArgumentException for an unsupported shape, dtype or extension (before writing)
     * @throws IOException if the file cannot be written (nothing is left behind)
     */
    public static void write(Array image, Path path) throws IOException {
        String format = format(path);
        DenseArray u8 = toUint8(image, Rounding.NEAREST_EVEN);
        BufferedImage img = toImage(u8, !format.equals("png") && !format.equals("gif"));
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(img, format, tmp.toFile())) {
                throw new IOException("cannot write image " + path + ": no " + format + " writer for a "
                        + u8.shape()[2] + "-channel image");
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("cannot write image")) throw io;
            throw new IOException("cannot write image " + path + ": " + e.getMessage(), e);
        }
    }

    private static String format(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpg";
            case "bmp" -> "bmp";
            case "gif" -> "gif";
            default -> throw new IllegalArgumentException("cannot write image " + path
                    + ": unknown extension '" + ext + "' (use .png, .jpg, .jpeg, .bmp or .gif)");
        };
    }

    private static BufferedImage toImage(DenseArray u8, boolean dropAlpha) {
        int[] s = u8.shape();
        int h = s[0];
        int w = s[1];
        int c = s[2];
        byte[] data = (byte[]) u8.buffer();
        int outC = dropAlpha && (c == 2 || c == 4) ? c - 1 : c;
        BufferedImage img;
        if (outC == 2) {
            java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                    java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), true, false,
                    java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_BYTE);
            img = new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
        } else {
            img = new BufferedImage(w, h, switch (outC) {
                case 1 -> BufferedImage.TYPE_BYTE_GRAY;
                case 3 -> BufferedImage.TYPE_3BYTE_BGR;
                default -> BufferedImage.TYPE_4BYTE_ABGR;
            });
        }
        WritableRaster r = img.getRaster();
        int rc = r.getNumBands();
        int[] px = new int[w * h * rc];
        for (int i = 0; i < w * h; i++) {
            for (int k = 0; k < rc; k++) px[i * rc + k] = data[i * c + k] & 0xFF;
        }
        r.setPixels(0, 0, w, h, px);
        return img;
    }

    /**
     * {@code image} as concrete {@code uint8} data of shape {@code [H,W,C]} ({@code [H,W]} gains C = 1):
     * uint8 is kept as is; other dtypes are rounded with {@code rounding} and clipped to 0..255 (NaN
     * becomes 0).
     *
     * @throws IllegalArgumentException for shapes other than {@code [H,W]} or {@code [H,W,C]} with
     *     C in 1..4, or a bool/float0 dtype
     */
    public static DenseArray toUint8(Array image, Rounding rounding) {
        int[] s = image.shape();
        if (!(s.length == 2 || (s.length == 3 && s[2] >= 1 && s[2] <= 4))) {
            throw new IllegalArgumentException("an image must have shape [H,W] or [H,W,C] with C in 1..4, got "
                    + dev.jaxvm.core.Py.tuple(s));
        }
        DType t = image.dtype();
        if (!t.isFloating() && !t.isInteger()) throw new IllegalArgumentException("an image must be real-valued, got " + t);
        int c = s.length == 2 ? 1 : s[2];
        ArrayType type = ArrayType.of(DType.UINT8, s[0], s[1], c);
        if (t == DType.UINT8 && image instanceof DenseArray d) return d.reshaped(type.shape());
        double[] v = image.toDoubleArray();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x)) x = 0;
            x = switch (rounding) {
                case NEAREST_EVEN -> Math.rint(x);
                case FLOOR -> Math.floor(x);
                case TRUNCATE -> x < 0 ? Math.ceil(x) : Math.floor(x);
            };
            out[i] = (byte) (int) Math.max(0, Math.min(255, x));
        }
        return DenseArray.wrap(type, out);
    }
}
