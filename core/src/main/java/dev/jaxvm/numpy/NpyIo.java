package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.core.DenseArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reading and writing {@code .npy} and {@code .npz} files. Writes go to a temporary file in the
 * target's directory that is then moved over the target, so a failure never leaves a partial file.
 */
final class NpyIo {
    private NpyIo() {}

    static DenseArray concrete(String fn, Array a) {
        if (a instanceof DenseArray d) return d;
        throw new IllegalArgumentException(fn + ": cannot save a traced array (" + a.type().toLongString()
                + "): saving needs concrete values, outside jit/grad/vmap");
    }

    /** {@code np.save}: appends {@code .npy} when the name lacks it; returns the path written. */
    static Path save(Path path, Array a) throws IOException {
        Path target = withExtension(path, ".npy");
        byte[] bytes = NpyFormat.encode(concrete("save", a));
        writeAtomically(target, out -> out.write(bytes));
        return target;
    }

    static DenseArray load(Path path) throws IOException {
        if (path.getFileName().toString().endsWith(".npz")) {
            throw new IOException(path + ": is an .npz archive; use Jnp.loadNpz to read its arrays");
        }
        return NpyFormat.decode(Files.readAllBytes(path), path.toString());
    }

    /** {@code np.savez}: one uncompressed {@code <name>.npy} entry per array; appends {@code .npz}. */
    static Path savez(Path path, Map<String, ? extends Array> arrays) throws IOException {
        Path target = withExtension(path, ".npz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Array> e : arrays.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().contains("/")) {
                throw new IllegalArgumentException("savez: invalid array name '" + e.getKey() + "'");
            }
            entries.put(e.getKey() + ".npy", NpyFormat.encode(concrete("savez", e.getValue())));
        }
        writeAtomically(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry z = new ZipEntry(e.getKey());
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(e.getValue().length);
                    z.setCompressedSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    z.setCrc(crc.getValue());
                    zip.putNextEntry(z);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
        return target;
    }

    static Map<String, Array> loadNpz(Path path) throws IOException {
        Map<String, Array> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> it = zip.entries();
            while (it.hasMoreElements()) {
                ZipEntry z = it.nextElement();
                String name = z.getName();
                if (z.isDirectory()) continue;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(z)) {
                    bytes = in.readAllBytes();
                }
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                out.put(key, NpyFormat.decode(bytes, path + "[" + name + "]"));
            }
        } catch (ZipException e) {
            throw new IOException(path + ": not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
        return out;
    }

    private static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.endsWith(ext) ? p : p.resolveSibling(name + ext);
    }

    /** Writes through {@code body} into a temporary sibling, then moves it over {@code target}. */
    private static void writeAtomically(Path target, IoBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    private interface IoBody {
        void write(OutputStream out) throws IOException;
    }
}
