package dev.jaxvm.lax;

import static dev.jaxvm.lax.Goldens.check;
import static dev.jaxvm.lax.Goldens.doubles;
import static dev.jaxvm.lax.Goldens.vector;
import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code polygamma} and {@code zeta} against SciPy's {@code scipy.special.polygamma} and {@code zeta} ({@code tools/gen_adcatalog_goldens.py}):
 * float64 to 1e-13 relative, float32 to float32 rounding; the reference evaluation, the compiled
 * kernel (eager), {@code jit} and {@code vmap} agree; shape and dtype errors; the JVP in {@code m}
 * is refused as in JAX.
 */
@ExtendWith(EnableX64.class)
class PolygammaTest {
    @Test
    void matchesScipyInFloat64AndFloat32() {
        int n = 0;
        for (JsonElement e : Goldens.load("/adcatalog/polygamma.json").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            int m = c.get("m").getAsInt();
            for (DType t : List.of(DType.FLOAT64, DType.FLOAT32)) {
                boolean f64 = t == DType.FLOAT64;
                double[] xs = doubles(c.getAsJsonArray(f64 ? "x" : "x32"));
                double[] want = doubles(c.getAsJsonArray(f64 ? "f64" : "f32"));
                Array x = vector(t, xs);
                Array mm = DenseArray.scalar(t, false, m);
                Array eager = LaxSpecial.polygamma(mm, x);
                assertEquals(t, eager.dtype());
                List<DenseArray> ref = new Polygamma().evaluate(List.of((DenseArray) mm, (DenseArray) x), List.of(eager.type()));
                double rtol = f64 ? 1e-13 : 2e-7;
                String what = "polygamma(" + m + ", x) " + t;
                check(want, ref.getFirst().toDoubleArray(), rtol, 0, what + " reference");
                check(want, eager.toDoubleArray(), rtol, 0, what + " compiled");
                check(want, Jax.jit((Fn2) LaxSpecial::polygamma).apply(mm, x).toDoubleArray(), rtol, 0, what + " jit");
                n += xs.length;
            }
        }
        assertTrue(n > 150, "checked " + n);
    }

    @Test
    void zetaMatchesScipyInFloat64AndFloat32() {
        JsonObject z = Goldens.load("/adcatalog/zeta.json").getAsJsonObject();
        for (DType t : List.of(DType.FLOAT64, DType.FLOAT32)) {
            boolean f64 = t == DType.FLOAT64;
            Array x = vector(t, doubles(z.getAsJsonArray(f64 ? "x" : "x32")));
            Array q = vector(t, doubles(z.getAsJsonArray(f64 ? "q" : "q32")));
            double[] want = doubles(z.getAsJsonArray(f64 ? "f64" : "f32"));
            double rtol = f64 ? 1e-13 : 2e-7;
            check(want, LaxSpecial.zeta(x, q).toDoubleArray(), rtol, 0, "zeta " + t + " compiled");
            check(want, new Zeta().evaluate(List.of((DenseArray) x, (DenseArray) q), List.of(x.type())).getFirst().toDoubleArray(),
                    rtol, 0, "zeta " + t + " reference");
            check(want, Jax.vmap((Fn2) LaxSpecial::zeta).apply(x, q).toDoubleArray(), rtol, 0, "zeta " + t + " vmap");
        }
        double[] edge = LaxSpecial.zeta(vector(DType.FLOAT64, new double[] {1, 0.5}), vector(DType.FLOAT64, new double[] {2, 2}))
                .toDoubleArray();
        assertEquals(Double.POSITIVE_INFINITY, edge[0]);
        assertTrue(Double.isNaN(edge[1]));
    }

    @Test
    void broadcastsBatchesAndGivesNanForBadOrders() {
        Array m = DenseArray.of(ArrayType.of(DType.FLOAT64, 4), new double[] {0, 1, 2.5, -1});
        Array x = DenseArray.of(ArrayType.of(DType.FLOAT64, 3, 1), new double[] {0.5, 1, 2});
        Array y = LaxSpecial.polygamma(Lax.broadcastInDim(m, new int[] {3, 4}, 1), Lax.broadcastInDim(x, new int[] {3, 4}, 0, 1));
        double[] v = y.toDoubleArray();
        assertTrue(Double.isNaN(v[2]) && Double.isNaN(v[3]), "non-integer and negative orders give NaN (chlo.polygamma)");
        Array batched = Jax.vmap((Fn2) LaxSpecial::polygamma, java.util.Arrays.asList(null, 0), 0).apply(m, Lax.reshape(x, new int[] {3}));
        assertEquals(List.of(3, 4), java.util.Arrays.stream(batched.shape()).boxed().toList());
        AutodiffContractTest.assertClose(v, batched.toDoubleArray(), 0, "vmap vs broadcast");
    }

    @Test
    void errorsNameThePrimitive() {
        Array i = DenseArray.scalarLong(DType.INT32, false, 1);
        Array f = DenseArray.scalar(DType.FLOAT32, false, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> LaxSpecial.polygamma(i, f));
        assertTrue(e.getMessage().startsWith("polygamma does not accept dtype int32 at position 0"), e.getMessage());
        var g = assertThrows(IllegalArgumentException.class,
                () -> Jax.grad((Fn2) (a, b) -> LaxSpecial.polygamma(a, b), 0).apply(DenseArray.scalar(DType.FLOAT64, false, 1),
                        DenseArray.scalar(DType.FLOAT64, false, 2)));
        assertEquals("polygamma gradient with respect to m is not supported", g.getMessage());
    }
}
