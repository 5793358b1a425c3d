package dev.jaxvm.lax;

import static dev.jaxvm.lax.Goldens.check;
import static dev.jaxvm.lax.Goldens.doubles;
import static dev.jaxvm.lax.Goldens.vector;
import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code igamma} and {@code igammac} against SciPy's {@code gammainc} / {@code gammaincc}, and
 * {@code igamma_grad_a} against JAX 0.10.2's {@code lax.igamma_grad_a} ({@code tools/gen_adcatalog_goldens.py}),
 * compiled, under {@code jit} and {@code vmap}; {@code grad} in both operands.
 */
@ExtendWith(EnableX64.class)
class IgammaTest {
    @Test
    void igammaAndIgammacMatchScipy() {
        JsonObject d = Goldens.load("/adcatalog/igamma.json").getAsJsonObject();
        for (DType t : List.of(DType.FLOAT64, DType.FLOAT32)) {
            boolean f64 = t == DType.FLOAT64;
            Array a = vector(t, doubles(d.getAsJsonArray(f64 ? "a" : "a32")));
            Array x = vector(t, doubles(d.getAsJsonArray(f64 ? "x" : "x32")));
            double rtol = f64 ? 1e-12 : 2e-6;
            double atol = f64 ? 1e-300 : 1e-37;
            double[] p = doubles(d.getAsJsonArray(f64 ? "p" : "p32"));
            double[] q = doubles(d.getAsJsonArray(f64 ? "q" : "q32"));
            check(p, LaxSpecial.igamma(a, x).toDoubleArray(), rtol, atol, "igamma " + t);
            check(q, LaxSpecial.igammac(a, x).toDoubleArray(), rtol, atol, "igammac " + t);
            check(p, Jax.jit((Fn2) LaxSpecial::igamma).apply(a, x).toDoubleArray(), rtol, atol, "jit igamma " + t);
            check(q, Jax.vmap((Fn2) LaxSpecial::igammac).apply(a, x).toDoubleArray(), rtol, atol, "vmap igammac " + t);
        }
    }

    @Test
    void igammaGradAMatchesJaxAndIsTheGradientInA() {
        JsonObject d = Goldens.load("/adcatalog/igamma.json").getAsJsonObject();
        Array a = vector(DType.FLOAT64, doubles(d.getAsJsonArray("a")));
        Array x = vector(DType.FLOAT64, doubles(d.getAsJsonArray("x")));
        double[] want = doubles(d.getAsJsonArray("grad_a_jax"));
        check(want, LaxSpecial.igammaGradA(a, x).toDoubleArray(), 1e-9, 1e-300, "igamma_grad_a");
        Fn2 sumP = (u, v) -> Lax.reduceSum(LaxSpecial.igamma(u, v), 0);
        check(want, Jax.grad(sumP, 0).apply(a, x).toDoubleArray(), 1e-9, 1e-300, "grad igamma in a");
        double[] gq = Jax.grad((Fn2) (u, v) -> Lax.reduceSum(LaxSpecial.igammac(u, v), 0), 0).apply(a, x).toDoubleArray();
        for (int i = 0; i < gq.length; i++) gq[i] = -gq[i];
        check(want, gq, 1e-9, 1e-300, "-grad igammac in a");
        double[] gx = Jax.grad(sumP, 1).apply(a, x).toDoubleArray();
        double[] av = a.toDoubleArray(), xv = x.toDoubleArray();
        for (int i = 0; i < gx.length; i++) {
            if (xv[i] == 0) continue;   // the density's log(0) * (a - 1): JAX gives the same inf/0/nan pattern
            double density = Math.exp(-xv[i] + (av[i] - 1) * Math.log(xv[i]) - ScalarOpsRef.lgamma(av[i]));
            assertEquals(density, gx[i], 1e-12 * Math.abs(density) + 1e-300, "grad igamma in x at a=" + av[i] + " x=" + xv[i]);
        }
        assertTrue(Double.isNaN(LaxSpecial.igammaGradA(vector(DType.FLOAT64, new double[] {-1}), vector(DType.FLOAT64,
                new double[] {1})).toDoubleArray()[0]));
    }

    /** lgamma through the catalog's own primitive (the density's reference uses the same lgamma as JAX's rule). */
    private static final class ScalarOpsRef {
        static double lgamma(double a) { return Lax.lgamma(DenseArray.scalar(DType.FLOAT64, false, a)).toDoubleArray()[0]; }
    }
}
