package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.StagingInterpreter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** .npy/.npz I/O against files written by NumPy and jnp.save (numpy/npy/, listed in numpy/npy_index.json). */
class NpyIoTest {
    @TempDir
    Path tmp;

    private Path resource(String file) throws IOException {
        Path p = tmp.resolve("res-" + file);
        try (InputStream in = NpyIoTest.class.getResourceAsStream("/numpy/npy/" + file)) {
            if (in == null) throw new IllegalStateException("missing resource " + file);
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static <T> T withX64(java.util.concurrent.Callable<T> body) throws Exception {
        boolean saved = Jax.config().enableX64();
        try {
            Jax.config().enableX64(true); // keep NumPy's 64-bit dtypes exactly
            return body.call();
        } finally {
            Jax.config().enableX64(saved);
        }
    }

    @TestFactory
    Stream<DynamicTest> readsNumpyFilesAndWritesThemByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : NumpyCases.load("npy_index").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String file = c.get("file").getAsString();
            tests.add(DynamicTest.dynamicTest(file, () -> withX64(() -> {
                Path p = resource(file);
                if (c.has("entries")) {
                    Map<String, Array> got = Jnp.loadNpz(p);
                    JsonObject want = c.getAsJsonObject("entries");
                    assertEquals(want.keySet(), got.keySet(), file);
                    for (String k : want.keySet()) NumpyCases.assertClose(file + "[" + k + "]", want.getAsJsonObject(k), got.get(k));
                    Path again = Jnp.savez(tmp.resolve("again-" + file), got);
                    Map<String, Array> back = Jnp.loadNpz(again);
                    for (String k : want.keySet()) NumpyCases.assertClose(file + " round trip [" + k + "]", want.getAsJsonObject(k), back.get(k));
                    return null;
                }
                Array a = Jnp.load(p);
                NumpyCases.assertClose(file, c.getAsJsonObject("expected"), a);
                Path out = Jnp.save(tmp.resolve("out-" + file), a);
                if (c.get("numpy_wrote").getAsBoolean()) {
                    assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(out), file + ": bytes differ from NumPy's");
                }
                NumpyCases.assertClose(file + " round trip", c.getAsJsonObject("expected"), Jnp.load(out));
                return null;
            })));
        }
        return tests.stream();
    }

    @Test
    void sixtyFourBitDataIsCanonicalisedWithoutX64() throws IOException {
        boolean saved = Jax.config().enableX64();
        try {
            Jax.config().enableX64(false);
            Array a = Jnp.load(resource("float64.npy"));
            assertEquals(DType.FLOAT32, a.dtype());
            assertEquals(DType.INT32, Jnp.load(resource("int64_be.npy")).dtype());
        } finally {
            Jax.config().enableX64(saved);
        }
    }

    @Test
    void rejectsBadFilesNamingThem() throws IOException {
        Path fortran = resource("fortran.npy"), truncated = resource("truncated.npy"), magic = resource("badmagic.npy");
        IOException e = assertThrows(IOException.class, () -> Jnp.load(fortran));
        assertTrue(e.getMessage().contains(fortran.toString()) && e.getMessage().contains("Fortran"), e.getMessage());
        e = assertThrows(IOException.class, () -> Jnp.load(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(IOException.class, () -> Jnp.load(magic));
        assertTrue(e.getMessage().contains(magic.toString()) && e.getMessage().contains("magic"), e.getMessage());
        Path npz = resource("pair.npz");
        e = assertThrows(IOException.class, () -> Jnp.load(npz));
        assertTrue(e.getMessage().contains("loadNpz"), e.getMessage());
        e = assertThrows(IOException.class, () -> Jnp.loadNpz(fortran));
        assertTrue(e.getMessage().contains(fortran.toString()), e.getMessage());
        Path empty = tmp.resolve("empty.npy");
        Files.write(empty, new byte[3]);
        assertThrows(IOException.class, () -> Jnp.load(empty));
    }

    @Test
    void writesNothingPartial() throws IOException {
        Path target = tmp.resolve("x.npy");
        Jnp.save(target, Jnp.arange(3));
        byte[] before = Files.readAllBytes(target);
        // A traced array cannot be saved: the error comes before any file is touched.
        StagingInterpreter.trace(xs -> {
            assertThrows(IllegalArgumentException.class, () -> Jnp.save(target, xs.getFirst()));
            return List.of(xs.getFirst());
        }, List.of(ArrayType.of(DType.FLOAT32, 2)));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertThrows(IOException.class, () -> Jnp.save(tmp.resolve("missing-dir").resolve("y.npy"), Jnp.arange(3)));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("x.npy"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void appendsExtensionsAsNumpy() throws IOException {
        Path p = Jnp.save(tmp.resolve("plain"), Jnp.ones(2));
        assertEquals("plain.npy", p.getFileName().toString());
        Map<String, Array> m = new LinkedHashMap<>();
        m.put("w", Jnp.eye(2));
        m.put("b", Jnp.array(new boolean[] {true, false}));
        Path z = Jnp.savez(tmp.resolve("model"), m);
        assertEquals("model.npz", z.getFileName().toString());
        Map<String, Array> back = Jnp.loadNpz(z);
        assertEquals(List.of("w", "b"), List.copyOf(back.keySet()));
        assertArrayEquals(new float[] {1, 0, 0, 1}, back.get("w").toFloatArray());
        assertFalse(Files.exists(tmp.resolve("plain")));
    }
}
