package dev.jaxvm.lax;

import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.junit.jupiter.api.Test;

/**
 * JVP (against central differences in float64), vmap (against a loop of unbatched calls) and jit
 * (against eager) of cond, switch, while, fori and scan.
 */
@ExtendWith(EnableX64.class)
class ControlFlowTransformsTest {
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
        // as in JAX, the while itself takes the batched predicate: each lane stops on its own
        assertTrue(w.contains("while[") && w.contains(":bool[4] = lt"), w);
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

    /** Per-example gradients (vmap of grad) and the gradient of a batched loss (grad of vmap) agree with a loop. */
    @Test
    void vmapAndGradCompose() {
        Array xs = Jnp.array(new double[][] {{0.4, 0.2, 0.9}, {-0.4, -0.2, -0.9}, {0.6, 0.7, 0.2}});
        for (Fn1 f : List.of(COND, SWITCH, FORI, SCAN, SCAN_REVERSE)) {
            Fn1 g = Jax.grad((Array y) -> f.apply(y).sum());
            List<Array> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) rows.add(g.apply(xs.get(i)));
            double[] want = Jnp.stack(rows).toDoubleArray();
            assertClose(want, Jax.vmap(g).apply(xs).toDoubleArray(), 1e-12, "vmap of grad");
            assertClose(want, Jax.grad((Array ys) -> Jax.vmap(f).apply(ys).sum()).apply(xs).toDoubleArray(), 1e-12, "grad of vmap");
            assertClose(want, Jax.jit(Jax.vmap(g)).apply(xs).toDoubleArray(), 1e-12, "jit of vmap of grad");
        }
    }

    /** Second order: the Hessian (jacfwd of jacrev) through cond and scan against central differences of the gradient. */
    @Test
    void hessianThroughCondAndScan() {
        Array x = vec(0.4, 0.2, 0.9);
        for (Fn1 f : List.of(COND, FORI, SCAN)) {
            Fn1 loss = y -> f.apply(y).sum();
            Fn1 g = Jax.grad(loss);
            double[] h = Jax.hessian(loss).apply(x).toDoubleArray();
            for (int j = 0; j < 3; j++) {
                double[] e = new double[3];
                e[j] = 1;
                double[] col = centralDifference(g, x, Jnp.array(e));
                for (int i = 0; i < 3; i++) assertEquals(col[i], h[i * 3 + j], 1e-5, "hessian[" + i + "][" + j + "]");
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

    /** Under jit, each control-flow equation is a library kernel around compiled sub-programs: never the evaluator. */
    @Test
    void jitCompilesControlFlowAsLibraryKernels() {
        Array x = vec(0.4, 0.2, 0.9), xs = Jnp.stack(List.of(x, x.neg()));
        Fn1 gradScan = Jax.grad((Array y) -> SCAN.apply(y).sum());
        List<Fn1> batched = List.of(Jax.vmap(SCAN), Jax.vmap(WHILE));
        for (Fn1 f : List.of(COND, SWITCH, WHILE, FORI, SCAN, SCAN_REVERSE, gradScan, batched.get(0), batched.get(1))) {
            Array arg = batched.contains(f) ? xs : x;
            String text = Jax.jit(f).lower(arg).compile().asText();
            assertTrue(text.contains("[library]: library cond[") || text.contains("[library]: library while[")
                    || text.contains("[library]: library scan["), text);
            for (String line : text.lines().toList()) {
                boolean controlFlow = line.contains("cond") || line.contains("while") || line.contains("scan");
                assertTrue(!controlFlow || line.contains("[library]"), text);
            }
        }
    }

    /** The compiled kernels (library loops around compiled sub-programs) against the primitives' reference evaluation. */
    @Test
    void compiledMatchesReferenceEvaluation() {
        java.util.Random r = new java.util.Random(3);
        for (int rep = 0; rep < 3; rep++) {
            List<dev.jaxvm.core.DenseArray> x3 = List.of(rand(r), rand(r), rand(r));
            check(ControlFlowSamples.whileLoop(DType.FLOAT64), List.of(dev.jaxvm.core.DenseArray.scalar(DType.FLOAT64, false, r.nextDouble()), x3.get(0), x3.get(1)));
            check(ControlFlowSamples.scan(DType.FLOAT64, rep == 1), List.of(x3.get(0), x3.get(1),
                    (dev.jaxvm.core.DenseArray) Jnp.stack(List.of(rand(r), rand(r), rand(r), rand(r)))));
            for (int i = 0; i < 2; i++) {
                check(ControlFlowSamples.cond(DType.FLOAT64), List.of(dev.jaxvm.core.DenseArray.scalarLong(DType.INT32, false, i),
                        (dev.jaxvm.core.DenseArray) Jnp.stack(List.of(rand(r), rand(r))), (dev.jaxvm.core.DenseArray) Jnp.stack(List.of(rand(r), rand(r)))));
            }
        }
    }

    private static dev.jaxvm.core.DenseArray rand(java.util.Random r) {
        return (dev.jaxvm.core.DenseArray) Jnp.array(new double[] {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1});
    }

    private static void check(dev.jaxvm.core.Primitive p, List<dev.jaxvm.core.DenseArray> in) {
        List<dev.jaxvm.core.ArrayType> types = new ArrayList<>();
        for (var a : in) types.add(a.type());
        var out = p.abstractEval(types);
        var want = p.evaluate(in, out);
        var got = p.execute(in, out);
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).type(), got.get(i).type(), p.name());
            assertArrayEquals(want.get(i).toDoubleArray(), got.get(i).toDoubleArray(), 1e-12, p.name());
        }
    }

    @Test
    void jitMatchesEager() {
        Array x = vec(0.4, 0.2, 0.9);
        for (Fn1 f : List.of(COND, SWITCH, WHILE, FORI, SCAN, SCAN_REVERSE)) {
            assertArrayEquals(f.apply(x).toDoubleArray(), Jax.jit(f).apply(x).toDoubleArray(), 1e-12);
        }
    }
}
