package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reading the JSON goldens of the lax tests and comparing arrays with them. */
final class Goldens {
    private Goldens() {}

    /** The parsed test resource (an absolute resource path, e.g. {@code /adcatalog/igamma.json}). */
    static JsonElement load(String resource) {
        try (InputStream in = Goldens.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
        return v;
    }

    /** A float64 vector converted to {@code t}. */
    static DenseArray vector(DType t, double[] v) {
        return (DenseArray) Lax.convertElementType(DenseArray.of(ArrayType.of(DType.FLOAT64, v.length), v), t);
    }

    /** A float64 array from {@code {"shape": [...], "data": [...]}}. */
    static DenseArray decode(JsonObject o) {
        JsonArray shape = o.getAsJsonArray("shape");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i).getAsInt();
        return DenseArray.of(ArrayType.of(DType.FLOAT64, dims), doubles(o.getAsJsonArray("data")));
    }

    /** {@code got} has the shape of the encoded {@code want} and its values to {@code tol}. */
    static void close(JsonObject want, Array got, double tol, String what) {
        DenseArray w = decode(want);
        assertArrayEquals(w.shape(), got.shape(), what + " shape");
        AutodiffContractTest.assertClose(w.toDoubleArray(), got.toDoubleArray(), tol, what);
    }

    /** Relative tolerance, with an absolute floor {@code atol} for values that are rounding noise near 0; equal infinities match. */
    static void check(double[] want, double[] got, double rtol, double atol, String what) {
        for (int i = 0; i < want.length; i++) {
            if (Double.isInfinite(want[i]) && want[i] == got[i]) continue;
            if (Math.abs(want[i] - got[i]) > rtol * Math.abs(want[i]) + atol) {
                fail(what + " element " + i + ": expected " + want[i] + ", got " + got[i]);
            }
        }
    }
}
