package dev.jaxvm.lax;

import static dev.jaxvm.lax.Goldens.close;
import static dev.jaxvm.lax.Goldens.decode;
import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code triangular_solve}, {@code cholesky}, {@code qr} and {@code digamma}: values, JVPs and
 * reverse-mode gradients (which run the transpose rules) against JAX 0.10.2 in float64
 * ({@code tools/gen_adcatalog_goldens.py}), eagerly, under {@code jit} and under {@code vmap}.
 */
@ExtendWith(EnableX64.class)
class LinalgAdGoldenTest {
    private static Array s(Array x) {
        int[] axes = new int[x.ndim()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        return Lax.reduceSum(x, axes);
    }

    @Test
    void triangularSolveMatchesJaxForEveryFlag() {
        for (JsonElement e : Goldens.load("/adcatalog/linalg.json").getAsJsonObject().getAsJsonArray("triangular_solve")) {
            JsonObject c = e.getAsJsonObject();
            boolean left = c.get("left_side").getAsBoolean(), lower = c.get("lower").getAsBoolean();
            boolean trans = c.get("transpose_a").getAsBoolean(), unit = c.get("unit_diagonal").getAsBoolean();
            String what = "triangular_solve left=" + left + " lower=" + lower + " trans=" + trans + " unit=" + unit;
            Fn2 f = (a, b) -> LaxLinalg.triangularSolve(a, b, left, lower, trans, false, unit);
            Array a = decode(c.getAsJsonObject("a")), b = decode(c.getAsJsonObject("b"));
            close(c.getAsJsonObject("out"), f.apply(a, b), 1e-12, what + " eager");
            close(c.getAsJsonObject("out"), Jax.jit(f).apply(a, b), 1e-12, what + " jit");
            close(c.getAsJsonObject("out"), Jax.vmap(f).apply(a, b), 1e-12, what + " vmap");
            var jvp = Jax.jvp(xs -> f.apply((Array) xs[0], (Array) xs[1]), new Array[] {a, b},
                    new Array[] {decode(c.getAsJsonObject("ta")), decode(c.getAsJsonObject("tb"))});
            close(c.getAsJsonObject("tangent"), jvp.tangent(), 1e-10, what + " jvp");
            Fn2 loss = (x, y) -> s(Lax.sin(f.apply(x, y)));
            close(c.getAsJsonObject("grad_a"), Jax.grad(loss, 0).apply(a, b), 1e-10, what + " grad a");
            close(c.getAsJsonObject("grad_b"), Jax.grad(loss, 1).apply(a, b), 1e-10, what + " grad b");
        }
    }

    /** JAX 0.10.2's {@code make_jaxpr} text of the new primitives (printed by jax, pasted here). */
    @Test
    void jaxprsPrintAsJax() {
        Array a = DenseArray.zeros(ArrayType.of(DType.FLOAT64, 3, 3));
        Array b = DenseArray.zeros(ArrayType.of(DType.FLOAT64, 3, 2));
        assertEquals("""
                { lambda ; a:f64[3,3] b:f64[3,2]. let
                    c:f64[3,2] = triangular_solve[
                      conjugate_a=False
                      left_side=True
                      lower=True
                      transpose_a=False
                      unit_diagonal=False
                    ] a b
                  in (c,) }""", Jax.makeJaxpr((Fn2) (x, y) -> LaxLinalg.triangularSolve(x, y, true, true, false, false, false))
                .apply(a, b).toString().strip());
        Array v = DenseArray.zeros(ArrayType.of(DType.FLOAT64, 2));
        assertEquals("""
                { lambda ; a:f64[2] b:f64[2]. let
                    c:f64[2] = polygamma a b
                    d:f64[2] = zeta a b
                    e:f64[2] = igamma a b
                    f:f64[2] = igammac a b
                    g:f64[2] = igamma_grad_a a b
                  in (c, d, e, f, g) }""", Jax.makeJaxprN(xs -> {
            Array m = (Array) xs[0], x = (Array) xs[1];
            return List.of(LaxSpecial.polygamma(m, x), LaxSpecial.zeta(m, x), LaxSpecial.igamma(m, x), LaxSpecial.igammac(m, x),
                    LaxSpecial.igammaGradA(m, x));
        }).apply(v, v).toString().strip());
    }

    @Test
    void choleskyJvpAndGradMatchJax() {
        for (JsonElement e : Goldens.load("/adcatalog/linalg.json").getAsJsonObject().getAsJsonArray("cholesky")) {
            JsonObject c = e.getAsJsonObject();
            Array a = decode(c.getAsJsonObject("a"));
            close(c.getAsJsonObject("out"), Lax.cholesky(a), 1e-12, "cholesky");
            var jvp = Jax.jvp((Fn1) Lax::cholesky, a, decode(c.getAsJsonObject("t")));
            close(c.getAsJsonObject("tangent"), jvp.tangent(), 1e-10, "cholesky jvp " + a.type());
            Fn1 loss = x -> s(Lax.sin(Lax.cholesky(x)));
            close(c.getAsJsonObject("grad"), Jax.grad(loss).apply(a), 1e-10, "cholesky grad " + a.type());
            close(c.getAsJsonObject("grad"), Jax.jit(Jax.grad(loss)).apply(a), 1e-10, "jit(grad(cholesky)) " + a.type());
        }
    }

    @Test
    void qrJvpAndGradMatchJax() {
        for (JsonElement e : Goldens.load("/adcatalog/linalg.json").getAsJsonObject().getAsJsonArray("qr")) {
            JsonObject c = e.getAsJsonObject();
            boolean full = c.get("full_matrices").getAsBoolean();
            Array a = decode(c.getAsJsonObject("a"));
            Array t = decode(c.getAsJsonObject("t"));
            String what = "qr full=" + full + " " + a.type();
            var q = Jax.jvp((Fn1) x -> Lax.qr(x, full).get(0), a, t);
            var r = Jax.jvp((Fn1) x -> Lax.qr(x, full).get(1), a, t);
            close(c.getAsJsonObject("q"), q.primal(), 1e-12, what + " q");
            close(c.getAsJsonObject("r"), r.primal(), 1e-12, what + " r");
            close(c.getAsJsonObject("tq"), q.tangent(), 1e-10, what + " dq");
            close(c.getAsJsonObject("tr"), r.tangent(), 1e-10, what + " dr");
            Fn1 loss = x -> {
                List<Array> qr = Lax.qr(x, full);
                return Lax.add(s(Lax.sin(qr.get(0))), s(Lax.cos(qr.get(1))));
            };
            close(c.getAsJsonObject("grad"), Jax.grad(loss).apply(a), 1e-10, what + " grad");
        }
    }

    @Test
    void qrJvpOfWideOrFullRectangularMatricesIsUnimplementedAsInJax() {
        Array wide = DenseArray.of(ArrayType.of(DType.FLOAT64, 2, 3), new double[] {1, 2, 3, 4, 5, 7});
        var ex = assertThrows(UnsupportedOperationException.class,
                () -> Jax.jvp((Fn1) x -> Lax.qr(x, false).get(0), wide, wide));
        assertEquals("Unimplemented case of QR decomposition derivative", ex.getMessage());
        Array tall = DenseArray.of(ArrayType.of(DType.FLOAT64, 3, 2), new double[] {1, 2, 3, 4, 5, 7});
        assertThrows(UnsupportedOperationException.class, () -> Jax.jvp((Fn1) x -> Lax.qr(x, true).get(0), tall, tall));
    }

    @Test
    void digammaDerivativesAreJaxsPolygamma() {
        JsonObject d = Goldens.load("/adcatalog/linalg.json").getAsJsonObject().getAsJsonObject("digamma");
        JsonArray xs = d.getAsJsonArray("x");
        for (int i = 0; i < xs.size(); i++) {
            Array x = DenseArray.scalar(DType.FLOAT64, false, xs.get(i).getAsDouble());
            double g = Jax.grad((Fn1) Lax::digamma).apply(x).toDoubleArray()[0];
            double g2 = Jax.grad(Jax.grad((Fn1) Lax::digamma)).apply(x).toDoubleArray()[0];
            AutodiffContractTest.assertClose(new double[] {d.getAsJsonArray("grad").get(i).getAsDouble()}, new double[] {g}, 1e-12,
                    "grad digamma at " + x);
            AutodiffContractTest.assertClose(new double[] {d.getAsJsonArray("grad2").get(i).getAsDouble()}, new double[] {g2},
                    1e-12, "grad grad digamma at " + x);
        }
    }
}
