package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JVP (against central differences in float64), vmap (against a loop of unbatched calls) and jit
 * (against eager) of cond, switch, while, fori and scan.
 */
class ControlFlowTransformsTest {
    private static boolean x64;

    @BeforeAll
    static void enableX64() {
        x64 = Jax.config().enableX64();
        Jax.config().enableX64(true);
    }

    @AfterAll
    static void restoreX64() { Jax.config().enableX64(x64); }

    static final Fn1 COND = x -> Lax.cond(x.sum().gt(0), (Array v) -> Jnp.sin(v).mul(v), (Array v) -> Jnp.cos(v).add(v.mul(v)), x);
    static final Fn1 SWITCH = x -> Lax.switch_(Jnp.floor(x.sum()).astype(DType.INT32),
            List.<java.util.function.Function<Array, Array>>of(v -> v.mul(2), v -> Jnp.exp(v), v -> v.mul(v).mul(v)), x);
    static final Fn1 WHILE = x -> Lax.whileLoop((Array c) -> Jnp.abs(c).sum().lt(20), c -> c.mul(1.5).add(Jnp.sin(c)), x);
    static final Fn1 FORI = x -> Lax.foriLoop(0, 5, (Array i, Array c) -> c.mul(Jnp.cos(c)).add(i.astype(DType.FLOAT64)), x);
    static final Fn1 SCAN = x -> {
        ScanResult<Array, Array> r = Lax.scan((Array c, Array xi) -> new ScanResult<>(c.mul(xi).add(Jnp.sin(xi)), c.mul(c)),
                Jnp.asarray(1.0), x);
        return Jnp.concatenate(List.of(r.carry().reshape(1), r.ys()));
    };
    static final Fn1 SCAN_REVERSE = x -> Lax.scan((Array c, Array xi) -> new ScanResult<>(c.add(xi).mul(0.5), Jnp.tanh(c.mul(xi))),
            Jnp.asarray(0.3), x, null, true, 1).ys();

    static Array vec(double... v) { return Jnp.array(v); }

    static double[] centralDifference(Fn1 f, Array x, Array t) {
        double h = 1e-6;
        double[] xp = x.toDoubleArray(), xm = x.toDoubleArray(), tt = t.toDoubleArray();
        for (int i = 0; i < xp.length; i++) {
            xp[i] += h * tt[i];
            xm[i] -= h * tt[i];
        }
        double[] fp = f.apply(Jnp.array(xp)).toDoubleArray(), fm = f.apply(Jnp.array(xm)).toDoubleArray();
        double[] out = new double[fp.length];
        for (int i = 0; i < out.length; i++) out[i] = (fp[i] - fm[i]) / (2 * h);
        return out;
    }

    static void assertClose(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " [" + i + "]");
        }
    }

    @Test
    void jvpMatchesCentralDifferences() {
        Array t = vec(0.3, -0.7, 0.5);
        for (Array x : List.of(vec(0.4, 0.2, 0.9), vec(-0.4, -0.2, -0.9), vec(0.6, 0.7, 0.2))) {
            for (Fn1 f : List.of(COND, SWITCH, WHILE, FORI, SCAN, SCAN_REVERSE)) {
                JvpResult r = Jax.jvp(f, x, t);
                assertClose(f.apply(x).toDoubleArray(), r.primal().toDoubleArray(), 1e-12, "primal");
                assertClose(centralDifference(f, x, t), r.tangent().toDoubleArray(), 1e-6, "tangent");
                JvpResult j = Jax.jvp(Jax.jit(f), x, t);
                assertClose(r.tangent().toDoubleArray(), j.tangent().toDoubleArray(), 1e-12, "jit tangent");
            }
        }
    }

    @Test
    void vmapMatchesALoopOfCalls() {
        Array xs = Jnp.array(new double[][] {{0.4, 0.2, 0.9}, {-0.4, -0.2, -0.9}, {0.6, 0.7, 0.2}, {1.2, -0.1, 0.3}});
        for (Fn1 f : List.of(COND, SWITCH, WHILE, FORI, SCAN, SCAN_REVERSE)) {
            List<Array> rows = new ArrayList<>();
            for (int i = 0; i < 4; i++) rows.add(f.apply(xs.get(i)));
            Array want = Jnp.stack(rows);
            assertClose(want.toDoubleArray(), Jax.vmap(f).apply(xs).toDoubleArray(), 1e-12, "vmap");
            assertClose(want.toDoubleArray(), Jax.jit(Jax.vmap(f)).apply(xs).toDoubleArray(), 1e-12, "jit vmap");
            // batched along axis 1
            assertClose(want.toDoubleArray(), Jax.vmap(f, 1, 0).apply(xs.T()).toDoubleArray(), 1e-12, "vmap axis 1");
        }
    }

    @Test
    void vmapOfCondWithBatchedPredicateIsASelect() {
        String text = Jax.makeJaxpr(Jax.vmap(COND)).apply(Jnp.zeros(4, 3)).toString();
        assertTrue(text.contains("select_n") && !text.contains("cond["), text);
        String w = Jax.makeJaxpr(Jax.vmap(WHILE)).apply(Jnp.zeros(4, 3)).toString();
        assertTrue(w.contains("reduce_or"), w);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** The dot-product test of the transpose: <ct, J t> = <J^T ct, t>, with J t from jvp and J^T ct from vjp. */
    @Test
    void vjpIsTheTransposeOfJvp() {
        Array t = vec(0.3, -0.7, 0.5);
        for (Array x : List.of(vec(0.4, 0.2, 0.9), vec(-0.4, -0.2, -0.9))) {
            for (Fn1 f : List.of(COND, SWITCH, FORI, SCAN, SCAN_REVERSE)) {
                Array jt = Jax.jvp(f, x, t).tangent();
                double[] ct = new double[jt.size()];
                for (int i = 0; i < ct.length; i++) ct[i] = Math.sin(1.7 * i + 0.3);
                var vjp = Jax.vjp(xs -> f.apply((Array) xs[0]), x);
                Array jtct = vjp.pullback().apply(Jnp.array(ct).reshape(jt.shape())).getFirst();
                assertEquals(dot(ct, jt.toDoubleArray()), dot(jtct.toDoubleArray(), t.toDoubleArray()), 1e-9);
                // grad of the sum against central differences, eagerly and under jit
                Fn1 loss = y -> f.apply(y).sum();
                double[] g = Jax.grad(loss).apply(x).toDoubleArray();
                for (int i = 0; i < 3; i++) {
                    double[] e = new double[3];
                    e[i] = 1;
                    assertEquals(centralDifference(loss, x, Jnp.array(e))[0], g[i], 1e-6);
                }
                assertClose(g, Jax.jit(Jax.grad(loss)).apply(x).toDoubleArray(), 1e-12, "jit grad");
                assertClose(g, Jax.grad(Jax.jit(loss)).apply(x).toDoubleArray(), 1e-12, "grad jit");
            }
        }
    }

    @Test
    void gradOfWhileRaisesJaxsError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Jax.grad((Array x) -> WHILE.apply(x).sum()).apply(vec(0.4, 0.2, 0.9)));
        assertEquals("Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop with dynamic start/stop"
                + " values. Try using lax.scan, or using fori_loop with static start/stop.", e.getMessage());
        // forward mode through linearize works
        var lin = Jax.linearize(xs -> WHILE.apply((Array) xs[0]), vec(0.4, 0.2, 0.9));
        assertTrue(lin != null);
    }

    @Test
    void jitMatchesEager() {
        Array x = vec(0.4, 0.2, 0.9);
        for (Fn1 f : List.of(COND, SWITCH, WHILE, FORI, SCAN, SCAN_REVERSE)) {
            assertArrayEquals(f.apply(x).toDoubleArray(), Jax.jit(f).apply(x).toDoubleArray(), 1e-12);
        }
    }
}
