package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counting samplers (JAX's {@code _poisson}, {@code _binomial}, {@code multinomial}): Knuth's
 * product of uniforms or inversion by geometric sums for small means, Hörmann's transformed
 * rejection (PTRS, BTRS) for large ones, each a {@code while_loop} over the whole array drawing from
 * a key split at every iteration, as JAX does, so the draws are JAX's.
 */
final class Discrete {
    private Discrete() {}

    private static Array f(double v) { return Uniforms.constant(v, DType.FLOAT32); }

    private static Array any(Array x) { return Jnp.any(x); }

    /** {@code key, sub0, ...} of {@code split(key, n)}. */
    private static Array[] split(Array key, int n) {
        KeyArray ks = new KeyArray(Threefry.split(key, new int[] {n}));
        Array[] out = new Array[n];
        for (int i = 0; i < n; i++) out[i] = ks.get(i).base();
        return out;
    }

    static Array poisson(Array key, Array lam, int[] shape, DType dtype) {
        lam = Lax.convertElementType(Uniforms.broadcastTo(lam, shape), DType.FLOAT32, false);
        Array useKnuth = Jnp.logicalOr(Jnp.isnan(lam), lam.lt(10));
        Array lamKnuth = Jnp.where(useKnuth, lam, 0.0);
        Array lamRej = Jnp.where(useKnuth, 1e5, lam);
        Array result = Jnp.where(useKnuth, knuth(key, lamKnuth, shape, dtype), rejection(key, lamRej, shape, dtype));
        return Jnp.where(lam.eq(0), Jnp.zeros(shape, dtype), result);
    }

    private static Array knuth(Array key, Array lam, int[] shape, DType dtype) {
        Array negLam = lam.neg();
        List<Array> init = List.of(Jnp.zeros(shape, dtype), key, Jnp.zeros(shape, DType.FLOAT32));
        List<Array> out = Lax.whileLoop((List<Array> c) -> any(c.get(2).gt(negLam)), (List<Array> c) -> {
            Array[] ks = split(c.get(1), 2);
            Array k = Jnp.where(c.get(2).gt(negLam), c.get(0).add(1), c.get(0));
            Array u = Uniforms.uniform(ks[1], shape, DType.FLOAT32, 0.0, 1.0);
            return List.of(k, ks[0], c.get(2).add(Lax.log(u)));
        }, init);
        return out.get(0).sub(1).astype(dtype);
    }

    private static Array rejection(Array key, Array lam, int[] shape, DType dtype) {
        Array logLam = Lax.log(lam);
        Array b = Jnp.sqrt(lam).mul(2.53).add(0.931);
        Array a = b.mul(0.02483).add(-0.059);
        Array invAlpha = f(1.1328).div(b.sub(3.4)).add(1.1239);
        Array vR = f(0.9277).sub(f(3.6224).div(b.sub(2)));
        List<Array> init = List.of(Jnp.full(shape, -1.0, DType.FLOAT32), Jnp.zeros(shape, DType.BOOL), key);
        List<Array> out = Lax.whileLoop((List<Array> c) -> any(Jnp.logicalNot(c.get(1))), (List<Array> c) -> {
            Array[] ks = split(c.get(2), 3);
            Array u = Uniforms.uniform(ks[1], shape, DType.FLOAT32, 0.0, 1.0).sub(0.5);
            Array v = Uniforms.uniform(ks[2], shape, DType.FLOAT32, 0.0, 1.0);
            Array us = f(0.5).sub(Jnp.abs(u));
            Array k = Jnp.floor(a.mul(2).div(us).add(b).mul(u).add(lam).add(0.43));
            Array s = Lax.log(v.mul(invAlpha).div(a.div(us.mul(us)).add(b)));
            Array t = lam.neg().add(k.mul(logLam)).sub(Lax.lgamma(k.add(1)));
            Array accept1 = Jnp.logicalAnd(us.ge(0.07), v.le(vR));
            Array reject = Jnp.logicalOr(k.lt(0), Jnp.logicalAnd(us.lt(0.013), v.gt(us)));
            Array accept = Jnp.logicalOr(accept1, Jnp.logicalAnd(Jnp.logicalNot(reject), s.le(t)));
            return List.of(Jnp.where(accept, k, c.get(0)), Jnp.logicalOr(c.get(1), accept), ks[0]);
        }, init);
        return out.get(0).astype(dtype);
    }

    static Array binomial(Array key, Array n, Array p, int[] shape, DType dtype) {
        Array prob = Uniforms.broadcastTo(Lax.convertElementType(p, dtype, false), shape);
        Array count = Uniforms.broadcastTo(Lax.convertElementType(n, dtype, false), shape);
        Array pLtHalf = prob.lt(0.5);
        Array q = Jnp.where(pLtHalf, prob, f(1).sub(prob));
        Array countNanOrNeg = Jnp.logicalOr(Jnp.isnan(count), count.lt(0.0));
        Array countInf = Jnp.isinf(count);
        Array qIsNan = Jnp.isnan(q);
        Array qL0 = q.lt(0.0);
        q = Jnp.where(Jnp.logicalOr(qIsNan, qL0), 0.01, q);
        Array useInversion = Jnp.logicalOr(countNanOrNeg, count.mul(q).le(10.0));
        count = Jnp.floor(count);
        Array countInv = Jnp.where(useInversion, count, 0.0);
        Array countBtrs = Jnp.where(useInversion, 1e4, count);
        Array qBtrs = Jnp.where(useInversion, 0.5, q);
        Array samples = Jnp.where(useInversion, inversion(key, countInv, q, shape, dtype),
                btrs(key, countBtrs, qBtrs, shape, dtype));
        Array invalid = Jnp.logicalOr(Jnp.logicalOr(qL0, qIsNan), countNanOrNeg);
        samples = Jnp.where(invalid, Double.NaN, samples);
        samples = Jnp.where(Jnp.logicalAnd(countInf, Jnp.logicalNot(invalid)), Double.POSITIVE_INFINITY, samples);
        Array keep = Jnp.logicalOr(Jnp.logicalOr(pLtHalf, countNanOrNeg), Jnp.logicalOr(qIsNan, countInf));
        return Jnp.where(keep, samples, count.sub(samples));
    }

    private static Array inversion(Array key, Array count, Array prob, int[] shape, DType dtype) {
        Array log1mp = Jnp.log1p(prob.neg());
        List<Array> init = List.of(Jnp.zeros(shape, dtype), Jnp.zeros(shape, dtype), key);
        List<Array> out = Lax.whileLoop((List<Array> c) -> any(c.get(1).le(count)), (List<Array> c) -> {
            Array[] ks = split(c.get(2), 2);
            Array numGeom = Jnp.where(c.get(1).le(count), c.get(0).add(1), c.get(0));
            Array u = Uniforms.uniform(ks[0], shape, dtype, 0.0, 1.0);
            Array geom = Jnp.ceil(Lax.log(u).div(log1mp));
            return List.of(numGeom, c.get(1).add(geom), ks[1]);
        }, init);
        return out.get(0).sub(1).astype(dtype);
    }

    private static Array btrs(Array key, Array count, Array prob, int[] shape, DType dtype) {
        Array stddev = Jnp.sqrt(count.mul(prob).mul(f(1).sub(prob)));
        Array b = stddev.mul(2.53).add(1.15);
        Array a = b.mul(0.0248).add(-0.0873).add(prob.mul(0.01));
        Array c0 = count.mul(prob).add(0.5);
        Array vR = f(0.92).sub(f(4.2).div(b));
        Array r = prob.div(f(1).sub(prob));
        Array alpha = f(5.1).div(b).add(2.83).mul(stddev);
        Array m = Jnp.floor(count.add(1).mul(prob));
        List<Array> init = List.of(Jnp.full(shape, -1.0, dtype), Jnp.zeros(shape, DType.BOOL), key);
        List<Array> out = Lax.whileLoop((List<Array> c) -> any(Jnp.logicalNot(c.get(1))), (List<Array> c) -> {
            Array[] ks = split(c.get(2), 3);
            Array u = Uniforms.uniform(ks[1], shape, dtype, 0.0, 1.0);
            Array v = Uniforms.uniform(ks[2], shape, dtype, 0.0, 1.0);
            u = u.sub(0.5);
            Array us = f(0.5).sub(Jnp.abs(u));
            Array accept1 = Jnp.logicalAnd(us.ge(0.07), v.le(vR));
            Array k = Jnp.floor(a.mul(2).div(us).add(b).mul(u).add(c0));
            Array reject = Jnp.logicalOr(k.lt(0), k.gt(count));
            Array lv = Lax.log(v.mul(alpha).div(a.div(us.mul(us)).add(b)));
            Array cm1 = count.sub(m).add(1);
            Array ck1 = count.sub(k).add(1);
            Array ub = m.add(0.5).mul(Lax.log(m.add(1).div(r.mul(cm1))))
                    .add(count.add(1).mul(Lax.log(cm1.div(ck1))))
                    .add(k.add(0.5).mul(Lax.log(r.mul(ck1).div(k.add(1)))))
                    .add(stirlingTail(m)).add(stirlingTail(count.sub(m)))
                    .sub(stirlingTail(k)).sub(stirlingTail(count.sub(k)));
            Array accept = Jnp.logicalOr(accept1, Jnp.logicalAnd(Jnp.logicalNot(reject), lv.le(ub)));
            return List.of(Jnp.where(accept, k, c.get(0)), Jnp.logicalOr(c.get(1), accept), ks[0]);
        }, init);
        return out.get(0).astype(dtype);
    }

    private static final double[] STIRLING_TAIL = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
        0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
        0.00925546218271273, 0.00833056343336287};

    private static Array stirlingTail(Array k) {
        Array useTail = k.le(9);
        DType t = k.dtype();
        k = Lax.clamp(Uniforms.constant(0, t), k, Uniforms.constant(9, t));
        Array kp1sq = k.add(1).mul(k.add(1));
        Array approx = Uniforms.constant(1.0 / 12, t).sub(Uniforms.constant(1.0 / 360, t)
                .sub(Uniforms.constant(1.0 / 1260, t).div(kp1sq)).div(kp1sq)).div(k.add(1));
        k = Jnp.floor(k);
        Array tail = Jnp.zeros(k.shape(), t);
        for (int j = 0; j < STIRLING_TAIL.length; j++) tail = Jnp.where(k.eq(j), Uniforms.constant(STIRLING_TAIL[j], t), tail);
        return Jnp.where(useTail, tail, approx);
    }

    static Array multinomial(Array key, Array n, Array p, int[] shape, DType dtype) {
        DType ft = DType.defaultFloat();
        p = Lax.convertElementType(p, ft, false);
        n = Lax.convertElementType(n, ft, false);
        if (shape == null) shape = p.shape();
        int kdim = shape[shape.length - 1];
        int[] batch = Arrays.copyOf(shape, shape.length - 1);
        Array rem = Uniforms.broadcastTo(n, batch);
        Array pm = Jnp.moveaxis(Uniforms.broadcastTo(p, shape), -1, 0);
        Array remaining = Lax.cumsum(pm, 0, true);
        Array ratios = pm.div(Jnp.where(remaining.eq(0), 1, remaining));
        KeyArray keys = new KeyArray(Threefry.split(key, new int[] {kdim}));
        List<Array> counts = new ArrayList<>();
        for (int i = 0; i < kdim; i++) {
            Array ratio = Jnp.clip(ratios.get(i), 0, 1);
            Array count = binomial(keys.get(i).base(), rem, ratio, batch, rem.dtype());
            rem = rem.sub(count);
            counts.add(count);
        }
        return Lax.stack(counts, batch.length).astype(dtype);
    }
}
