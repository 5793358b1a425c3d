package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.CustomVjpFwd;
import dev.jaxvm.Fn1;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.JvpResult;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vmap composed with autodiff: per-example gradients, grad of vmap, Jacobians built on vmap, collectives under grad. */
class VmapAutodiffTest {
    static final float[] W = {0.5f, -1f, 2f};
    static final float[][] XS = {{1, 2, 3}, {-1, 0.5f, 2}, {0, 1, -2}, {3, -1, 1}, {2, 2, 2}};

    /** loss(w, x) = sum(sin(w * x)): d/dw = cos(w * x) * x. */
    static Array loss(Array w, Array x) { return Jnp.sin(w.mul(x)).sum(); }

    static float[] expectedPerExample() {
        float[] out = new float[XS.length * 3];
        for (int i = 0; i < XS.length; i++) {
            for (int j = 0; j < 3; j++) out[i * 3 + j] = (float) (Math.cos(W[j] * XS[i][j]) * XS[i][j]);
        }
        return out;
    }

    static void assertClose(float[] want, float[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-5 * Math.max(1, Math.abs(want[i])), "element " + i);
    }

    @Test
    void perExampleGradients() { // E3
        Fn2 perExample = Jax.vmap(Jax.grad(VmapAutodiffTest::loss, 0), Arrays.asList(null, 0), 0);
        Array g = perExample.apply(Jnp.array(W), Jnp.array(XS));
        assertArrayEquals(new int[] {5, 3}, g.shape());
        assertClose(expectedPerExample(), g.toFloatArray());
        // the same under jit: one batched program
        assertClose(expectedPerExample(), Jax.jit(perExample).apply(Jnp.array(W), Jnp.array(XS)).toFloatArray());
    }

    @Test
    void gradOfVmapSumsPerExampleGradients() {
        Fn1 total = w -> Jax.vmap((Fn2) VmapAutodiffTest::loss, Arrays.asList(null, 0), 0).apply(w, Jnp.array(XS)).sum();
        float[] per = expectedPerExample();
        float[] want = new float[3];
        for (int i = 0; i < per.length; i++) want[i % 3] += per[i];
        assertClose(want, Jax.grad(total).apply(Jnp.array(W)).toFloatArray());
    }

    @Test
    void jacobiansOfMatrixInput() {
        Array x = Jnp.array(new float[][] {{0.1f, 0.2f, 0.3f}, {-0.4f, 0.5f, 0.6f}});
        Fn1 f = a -> Jnp.sin(a).mul(a.sum());   // J[i,j,k,l] = d(ik) d(jl) cos(x_ij) S + sin(x_ij)
        double s = 0;
        for (double v : x.toDoubleArray()) s += v;
        float[] want = new float[36];
        double[] xv = x.toDoubleArray();
        for (int p = 0; p < 6; p++) {
            for (int q = 0; q < 6; q++) want[p * 6 + q] = (float) ((p == q ? Math.cos(xv[p]) * s : 0) + Math.sin(xv[p]));
        }
        Array fwd = Jax.jacfwd(f).apply(x);
        Array rev = Jax.jacrev(f).apply(x);
        assertArrayEquals(new int[] {2, 3, 2, 3}, fwd.shape());
        assertArrayEquals(new int[] {2, 3, 2, 3}, rev.shape());
        assertClose(want, fwd.toFloatArray());
        assertClose(want, rev.toFloatArray());
    }

    @Test
    void hessianIsJacfwdOfJacrev() {
        Array x = Jnp.array(new float[][] {{1, 2}, {3, -1}});
        Array h = Jax.hessian(a -> a.mul(a).mul(a).sum()).apply(x);   // diag(6 x)
        assertArrayEquals(new int[] {2, 2, 2, 2}, h.shape());
        float[] want = new float[16];
        float[] xv = x.toFloatArray();
        for (int p = 0; p < 4; p++) want[p * 4 + p] = 6 * xv[p];
        assertClose(want, h.toFloatArray());
    }

    @Test
    void collectivesUnderGrad() { // values from JAX 0.10.2
        Array xs = Jnp.array(new float[] {1, 2, 3});
        assertClose(new float[] {12, 12, 12},
                Jax.vmap(Jax.grad(y -> y.mul(Lax.psum(y, "i"))), 0, 0, null, "i").apply(xs).toFloatArray());
        assertClose(new float[] {12, 12, 12},
                Jax.grad(a -> Jax.vmap(x -> x.mul(Lax.psum(x, "i")), 0, 0, null, "i").apply(a).sum()).apply(xs).toFloatArray());
        assertClose(new float[] {4, 4, 4},
                Jax.vmap(Jax.grad(y -> y.mul(Lax.pmean(y, "i"))), 0, 0, null, "i").apply(xs).toFloatArray());
        Array c = Jnp.array(new float[] {1, 10, 100});
        assertClose(new float[] {3, 30, 300},
                Jax.vmap(Jax.grad(y -> Lax.allGather(y, "i").mul(c).sum()), 0, 0, null, "i").apply(xs).toFloatArray());
        Array r = Jnp.array(new float[] {0, 1, 2, 3, 4, 5});
        assertClose(new float[] {0, 3, 6, 9, 12, 15}, Jax.vmap(Jax.grad(y -> Lax.allGather(y, "i", 0, true).mul(r).sum()),
                0, 0, null, "i").apply(Jnp.ones(3, 2)).toFloatArray());
    }

    @Test
    void customJvpUnderVmap() {
        // a custom rule that is deliberately not the true derivative: d/dx = 3 (so we see the rule is used)
        Fn1 g = Jax.customJvp(x -> Jnp.sin(x), (p, t) -> new JvpResult(Jnp.sin(p[0]), t[0].mul(3)));
        Array xs = Jnp.array(new float[] {0.1f, 0.2f, 0.3f});
        assertClose(new float[] {3, 3, 3}, Jax.grad(a -> Jax.vmap(g).apply(a).sum()).apply(xs).toFloatArray());
        assertClose(new float[] {3, 3, 3}, Jax.vmap(Jax.grad(g)).apply(xs).toFloatArray());
        assertClose(Jnp.sin(xs).toFloatArray(), Jax.vmap(g).apply(xs).toFloatArray());
    }

    @Test
    void customVjpUnderVmap() {
        Fn1 h = Jax.customVjp(x -> Jnp.sin(x), xs -> new CustomVjpFwd.Out(Jnp.sin(xs[0]), List.of(xs[0])),
                (res, ct) -> List.of(ct.mul(res.getFirst())));   // "derivative" x, deliberately
        Array xs = Jnp.array(new float[] {0.5f, 2f, -1f});
        assertClose(xs.toFloatArray(), Jax.grad(a -> Jax.vmap(h).apply(a).sum()).apply(xs).toFloatArray());
        assertClose(xs.toFloatArray(), Jax.vmap(Jax.grad(h)).apply(xs).toFloatArray());
    }

    @Test
    void checkpointUnderVmap() {
        Fn1 f = Jax.checkpoint(x -> Jnp.sin(x).mul(x));
        Array xs = Jnp.array(new float[] {0.5f, 2f, -1f});
        float[] want = new float[3];
        float[] xv = xs.toFloatArray();
        for (int i = 0; i < 3; i++) want[i] = (float) (Math.cos(xv[i]) * xv[i] + Math.sin(xv[i]));
        assertClose(want, Jax.grad(a -> Jax.vmap(f).apply(a).sum()).apply(xs).toFloatArray());
        assertClose(want, Jax.vmap(Jax.grad(f)).apply(xs).toFloatArray());
    }

    static final float[][] A = {{1, 2, 3}, {-1, 0.5f, 2}, {0, 1, -2}, {3, -1, 1}};

    @Test
    void jacobianOfLinearMapIsTheMatrix() { // C1
        Array a = Jnp.array(A), x = Jnp.array(new float[] {0.3f, -0.2f, 0.7f});
        Fn1 f = v -> Jnp.matmul(a, v);
        assertClose(a.toFloatArray(), Jax.jacfwd(f).apply(x).toFloatArray());
        assertClose(a.toFloatArray(), Jax.jacrev(f).apply(x).toFloatArray());
        Fn1 g = v -> Lax.tanh(Jnp.matmul(a, v));
        assertClose(Jax.jacfwd(g).apply(x).toFloatArray(), Jax.jacrev(g).apply(x).toFloatArray());
    }

    @Test
    void hessianOfQuadraticForm() { // C2
        Array a = Jnp.array(new float[][] {{1, 2, 3}, {-1, 0.5f, 2}, {0, 1, -2}});
        Array x = Jnp.array(new float[] {0.3f, -0.2f, 0.7f});
        Array h = Jax.hessian(v -> Jnp.dot(v, Jnp.matmul(a, v))).apply(x);
        assertClose(a.add(a.T()).toFloatArray(), h.toFloatArray());
    }

    @Test
    void nestedJacobiansOfTwoArguments() { // C5: inner argnum gives the leading axes, outer the trailing ones
        dev.jaxvm.FnN f = xs -> ((Array) xs[0]).mul(xs[0]).sum().add(((Array) xs[1]).mul(xs[1]).sum());
        Array x = Jnp.array(new float[] {1, 2, 3, 4, 5}), u = Jnp.array(new float[] {-1, 2});
        java.util.function.BiFunction<dev.jaxvm.FnN, Integer, dev.jaxvm.FnN>[] kinds = new java.util.function.BiFunction[] {
            (java.util.function.BiFunction<dev.jaxvm.FnN, Integer, dev.jaxvm.FnN>) Jax::jacfwdN,
            (java.util.function.BiFunction<dev.jaxvm.FnN, Integer, dev.jaxvm.FnN>) Jax::jacrevN};
        for (var outer : kinds) {
            for (var inner : kinds) {
                assertArrayEquals(new int[] {5, 5}, ((Array) outer.apply(inner.apply(f, 0), 0).apply(x, u)).shape());
                assertArrayEquals(new int[] {2, 2}, ((Array) outer.apply(inner.apply(f, 1), 1).apply(x, u)).shape());
                assertArrayEquals(new int[] {2, 5}, ((Array) outer.apply(inner.apply(f, 1), 0).apply(x, u)).shape());
                assertArrayEquals(new int[] {5, 2}, ((Array) outer.apply(inner.apply(f, 0), 1).apply(x, u)).shape());
            }
        }
    }
}
