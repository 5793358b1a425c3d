package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads NumPy {@code .npy} files (format 1.0-3.0, C order, bool/int/uint/float of 1-8 bytes). */
final class Npy {
    private Npy() {}

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([biuf])(\\d)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static Array read(Path path) throws IOException {
        byte[] b = Files.readAllBytes(path);
        if (b.length < 10 || b[0] != (byte) 0x93 || !new String(b, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new IOException("cannot read " + path + ": not a .npy file");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? Short.toUnsignedInt(bb.getShort(8)) : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher o = ORDER.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !o.find() || !s.find()) throw new IOException("cannot read " + path + ": bad header " + header);
        if (o.group(1).equals("True")) throw new IOException("cannot read " + path + ": Fortran order is not supported");
        int size = Integer.parseInt(d.group(3));
        DType t = switch (d.group(2) + size) {
            case "b1" -> DType.BOOL;
            case "i1" -> DType.INT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8" -> DType.INT64;
            case "u1" -> DType.UINT8;
            case "u2" -> DType.UINT16;
            case "u4" -> DType.UINT32;
            case "u8" -> DType.UINT64;
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            default -> throw new IOException("cannot read " + path + ": unsupported dtype " + d.group());
        };
        String[] parts = s.group(1).split(",");
        int[] dims = java.util.Arrays.stream(parts).map(String::trim).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
        Shape shape = new Shape(dims);
        int n = shape.size();
        if (b.length - start - headerLen < (long) n * size) throw new IOException("cannot read " + path + ": truncated data");
        bb.position(start + headerLen);
        if (d.group(1).equals(">")) bb.order(ByteOrder.BIG_ENDIAN);
        Object data = Storage.allocate(t, n);
        for (int i = 0; i < n; i++) {
            switch (t) {
                case FLOAT32 -> Storage.setDouble(t, data, i, bb.getFloat());
                case FLOAT64 -> Storage.setDouble(t, data, i, bb.getDouble());
                case FLOAT16 -> ((short[]) data)[i] = bb.getShort();
                default -> Storage.setLong(t, data, i, switch (size) {
                    case 1 -> bb.get();
                    case 2 -> bb.getShort();
                    case 4 -> bb.getInt();
                    default -> bb.getLong();
                });
            }
        }
        DType canon = t.canonicalize();
        DenseArray a = DenseArray.wrap(new ArrayType(shape, t, false), data);
        return canon == t ? a : a.astype(canon);
    }
}
