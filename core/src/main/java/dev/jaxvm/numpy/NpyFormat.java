package dev.jaxvm.numpy;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Py;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0 to 3.0 read, 1.0 written, C order only). Arrays are
 * written little-endian with NumPy's descriptors; bfloat16, which NumPy lacks, is written as
 * {@code '<V2'} exactly as {@code jnp.save} does (via ml_dtypes), and {@code V2} data is read back as
 * bfloat16, as {@code jnp.load} does.
 */
final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {}

    /** NumPy's dtype descriptor for a dtype, little-endian. */
    static String descr(DType t) {
        return switch (t) {
            case BOOL -> "|b1";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case INT16 -> "<i2";
            case UINT16 -> "<u2";
            case INT32 -> "<i4";
            case UINT32 -> "<u4";
            case INT64 -> "<i8";
            case UINT64 -> "<u8";
            case FLOAT16 -> "<f2";
            case BFLOAT16 -> "<V2";
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case FLOAT0 -> throw new IllegalArgumentException("float0 arrays hold no data and cannot be saved");
        };
    }

    /** The complete .npy bytes of an array. */
    static byte[] encode(DenseArray a) {
        String dict = "{'descr': '" + descr(a.dtype()) + "', 'fortran_order': False, 'shape': " + a.type().shape()
                + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        String header = dict + " ".repeat(pad) + "\n";
        int item = a.dtype().itemSize();
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + a.size() * item)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        Object data = a.buffer();
        for (int i = 0; i < a.size(); i++) {
            switch (data) {
                case boolean[] d -> b.put((byte) (d[i] ? 1 : 0));
                case byte[] d -> b.put(d[i]);
                case short[] d -> b.putShort(d[i]);
                case int[] d -> b.putInt(d[i]);
                case long[] d -> b.putLong(d[i]);
                case float[] d -> b.putFloat(d[i]);
                case double[] d -> b.putDouble(d[i]);
                default -> throw new IllegalStateException("not a data array: " + data.getClass());
            }
        }
        return b.array();
    }

    /**
     * Decodes .npy bytes; {@code source} names the file in errors. 64-bit data becomes 32-bit unless
     * x64 is enabled, as {@code jnp.asarray} canonicalises.
     *
     * @throws IOException naming the source when the bytes are not a well-formed C-order .npy array
     */
    static DenseArray decode(byte[] bytes, String source) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) throw bad(source, "file too short for a .npy header (" + bytes.length + " bytes)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) throw bad(source, "not a .npy file (bad magic string)");
        }
        int major = bytes[6] & 0xFF;
        b.position(8);
        long headerLen;
        if (major == 1) {
            headerLen = b.getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw bad(source, "truncated header");
            headerLen = b.getInt() & 0xFFFFFFFFL;
        } else {
            throw bad(source, "unsupported .npy format version " + major + "." + (bytes[7] & 0xFF));
        }
        int start = b.position();
        if (start + headerLen > bytes.length) throw bad(source, "truncated header");
        String header = new String(bytes, start, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header), fortran = FORTRAN.matcher(header), shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw bad(source, "malformed header " + header.strip());
        }
        if (fortran.group(1).equals("True")) {
            throw bad(source, "Fortran-order (column-major) arrays are not supported; save a C-order array"
                    + " (np.ascontiguousarray) instead");
        }
        String d = descr.group(1);
        if (d.length() < 3) throw bad(source, "unsupported dtype descriptor '" + d + "'");
        ByteOrder order = switch (d.charAt(0)) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw bad(source, "unsupported dtype descriptor '" + d + "'");
        };
        DType t = dtypeOf(d.substring(1), source);
        int[] dims = parseShape(shape.group(1), source);
        long n = 1;
        for (int k : dims) n *= k;
        long need = n * t.itemSize();
        long have = bytes.length - start - headerLen;
        if (have < need) {
            throw bad(source, "truncated: shape " + Py.tuple(dims) + " of " + t + " needs " + need + " data bytes, found "
                    + have);
        }
        if (n > Integer.MAX_VALUE) throw bad(source, "array too large: shape " + Py.tuple(dims));
        b.position((int) (start + headerLen));
        b.order(order);
        DType canonical = t.canonicalize();
        Object data = Storage.allocate(canonical, (int) n);
        for (int i = 0; i < n; i++) read(b, t, canonical, data, i);
        return DenseArray.wrap(new ArrayType(new Shape(dims), canonical, false), data);
    }

    private static void read(ByteBuffer b, DType t, DType to, Object data, int i) {
        switch (t) {
            case BOOL -> Storage.setBoolean(to, data, i, b.get() != 0);
            case INT8 -> Storage.setLong(to, data, i, b.get());
            case UINT8 -> Storage.setLong(to, data, i, b.get() & 0xFF);
            case INT16 -> Storage.setLong(to, data, i, b.getShort());
            case UINT16 -> Storage.setLong(to, data, i, b.getShort() & 0xFFFF);
            case INT32 -> Storage.setLong(to, data, i, b.getInt());
            case UINT32 -> Storage.setLong(to, data, i, b.getInt() & 0xFFFFFFFFL);
            case INT64, UINT64 -> Storage.setLong(to, data, i, b.getLong());
            case FLOAT16, BFLOAT16 -> ((short[]) data)[i] = b.getShort();
            case FLOAT32 -> Storage.setDouble(to, data, i, b.getFloat());
            case FLOAT64 -> Storage.setDouble(to, data, i, b.getDouble());
            case FLOAT0 -> throw new IllegalStateException("float0");
        }
    }

    private static DType dtypeOf(String code, String source) throws IOException {
        return switch (code) {
            case "b1" -> DType.BOOL;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "u2" -> DType.UINT16;
            case "i4" -> DType.INT32;
            case "u4" -> DType.UINT32;
            case "i8" -> DType.INT64;
            case "u8" -> DType.UINT64;
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "V2" -> DType.BFLOAT16;
            default -> throw bad(source, "unsupported dtype descriptor '" + code + "' (jaxvm reads bool, (u)int8-64,"
                    + " float16/32/64 and bfloat16 saved as V2)");
        };
    }

    private static int[] parseShape(String inner, String source) throws IOException {
        String s = inner.strip();
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(",");
        int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] dims = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                dims[i] = Integer.parseInt(parts[i].strip().replace("L", ""));
                if (dims[i] < 0) throw bad(source, "negative dimension in shape (" + inner + ")");
            }
        } catch (NumberFormatException e) {
            throw bad(source, "malformed shape (" + inner + ")");
        }
        return dims;
    }

    private static IOException bad(String source, String what) {
        return new IOException(source + ": " + what);
    }
}
