package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.XlaFloat32;
import dev.jaxvm.core.XlaPowF32;
import java.util.Arrays;
import java.util.List;

/**
 * {@code random_gamma}: one Gamma(a) sample per element of {@code a} (float32), drawn with JAX's
 * Marsaglia-Tsang rejection loop from a key array ({@code key<fry>}) whose shape prefixes a's (split into one key per
 * sample), as JAX's {@code random_gamma_p}; in log space when {@code logSpace}. The loop runs in
 * plain Java per element (JAX lowers it to a vmapped while loop), with XLA:CPU's fused
 * multiply-adds; the constant {@code 1/3/sqrt(d)} is correctly rounded, as XLA computes it when
 * {@code a} is a compile-time constant. Its derivative with respect to {@code a} is implicit
 * differentiation of the CDF ({@link RandomGammaGrad}), as JAX's {@code _gamma_grad}.
 *
 * @param logSpace whether samples are returned as their logarithm (JAX's {@code loggamma})
 * @param partitionable the {@code jax_threefry_partitionable} mode in force at trace time (not printed)
 */
public record RandomGamma(boolean logSpace, boolean partitionable) implements RandomPrimitive, Batchable, Differentiable,
        Lowerable {
    @Override
    public String name() { return "random_gamma"; }

    @Override
    public List<Param> params() { return List.of(new Param("log_space", logSpace)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("random_gamma takes a key and a, got " + in.size() + " operands");
        ArrayType key = in.get(0);
        ArrayType a = in.get(1);
        int[] k = KeyTypes.keys("random_gamma", key).dims();
        int[] as = a.shape().dims();
        boolean prefix = k.length <= as.length && Arrays.equals(k, Arrays.copyOf(as, k.length));
        if (!prefix) {
            throw new IllegalArgumentException("random_gamma requires a key array whose shape prefixes a's shape,"
                    + " got key " + key + " and a " + a);
        }
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new UnsupportedOperationException("random_gamma is implemented for float32 and float64, got "
                    + a.dtype());
        }
        return List.of(a.withWeakType(false));
    }

    /**
     * As JAX's {@code _gamma_impl}: each of the keys is split into one key per element of the part
     * of {@code a} it covers, and each element is drawn from its own key.
     */
    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference rejection sampler, the elements split over the compiler's pool (each has its own key). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        int[] key = (int[]) in.get(0).buffer();
        DenseArray a = in.get(1);
        boolean f64 = a.dtype() == DType.FLOAT64;
        int n = a.size();
        int nKeys = key.length / 2;
        int per = nKeys == 0 ? 0 : n / nKeys;
        Object r = f64 ? new double[n] : new float[n];
        int[][] keys = new int[nKeys][];
        for (int b = 0; b < nKeys; b++) keys[b] = ThreefryScalars.split(key[2 * b], key[2 * b + 1], per, partitionable);
        ranges.run(nKeys * per, 64, (lo, hi) -> {
            for (int j = lo; j < hi; j++) {
                int[] k = keys[j / per];
                int i = j % per;
                if (f64) ((double[]) r)[j] = oneDouble(k[2 * i], k[2 * i + 1], a.getDouble(j));
                else ((float[]) r)[j] = one(k[2 * i], k[2 * i + 1], (float) a.getDouble(j));
            }
        });
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    private static final float THIRD = 1f / 3f;
    private static final float SQUEEZE = 0.0331f;

    /** JAX's {@code _gamma_one} for one key and one alpha. */
    float one(int k0, int k1, float alphaOrig) {
        boolean boost = alphaOrig >= 1f;
        float alpha = boost ? alphaOrig : alphaOrig + 1f;
        float d = alpha - THIRD;
        float c = THIRD / (float) Math.sqrt(d);
        int[] ks = ThreefryScalars.split(k0, k1, 2, partitionable);
        int[] key = {ks[0], ks[1]};
        int[] sub = {ks[2], ks[3]};
        float x2 = 0f;
        float v3 = 1f;
        float u = 2f;
        while (u >= Math.fma(-SQUEEZE, x2 * x2, 1f)
                && XlaFloat32.log(u) >= Math.fma(x2, 0.5f, d * ((1f - v3) + XlaFloat32.log(v3)))) {
            int[] k3 = ThreefryScalars.split(key[0], key[1], 3, partitionable);
            key = new int[] {k3[0], k3[1]};
            int[] kx = {k3[2], k3[3]};
            float x = 0f;
            float v = -1f;
            while (v <= 0f) {
                int[] s = ThreefryScalars.split(kx[0], kx[1], 2, partitionable);
                kx = new int[] {s[0], s[1]};
                x = ThreefryScalars.normal(s[2], s[3], partitionable);
                v = Math.fma(x, c, 1f);
            }
            x2 = x * x;
            v3 = (v * v) * v;
            u = ThreefryScalars.uniform(k3[4], k3[5], partitionable);
        }
        if (logSpace) {
            float ls = -ThreefryScalars.exponential(sub[0], sub[1], partitionable);
            float lb = boost || ls == 0f ? 0f : ls * (1f / alphaOrig);
            return (XlaFloat32.log(d) + XlaFloat32.log(v3)) + lb;
        }
        float samples = 1f - ThreefryScalars.uniform(sub[0], sub[1], partitionable);
        float b = boost ? 1f : boost(samples, 1f / alphaOrig);
        return (d * v3) * b;
    }

    /**
     * {@code samples ** e} as XLA:CPU compiles it for a constant alpha: {@code pow(x, 2)} becomes
     * {@code x * x} and {@code pow(x, 3)} becomes {@code (x * x) * x} (alpha = 1/3 gives e = 3 in
     * float32); other exponents (4 included, checked) call {@code powf}.
     */
    private static float boost(float samples, float e) {
        if (e == 2f) return samples * samples;
        if (e == 3f) return (samples * samples) * samples;
        return XlaPowF32.pow(samples, e);
    }

    /** {@link #one} in float64 (glibc-like {@code log} through {@link StrictMath}). */
    double oneDouble(int k0, int k1, double alphaOrig) {
        boolean boost = alphaOrig >= 1;
        double alpha = boost ? alphaOrig : alphaOrig + 1;
        double third = 1.0 / 3.0;
        double d = alpha - third;
        double c = third / Math.sqrt(d);
        int[] ks = ThreefryScalars.split(k0, k1, 2, partitionable);
        int[] key = {ks[0], ks[1]};
        int[] sub = {ks[2], ks[3]};
        double x2 = 0;
        double v3 = 1;
        double u = 2;
        while (u >= Math.fma(-0.0331, x2 * x2, 1.0)
                && log(u) >= Math.fma(x2, 0.5, d * ((1 - v3) + log(v3)))) {
            int[] k3 = ThreefryScalars.split(key[0], key[1], 3, partitionable);
            key = new int[] {k3[0], k3[1]};
            int[] kx = {k3[2], k3[3]};
            double x = 0;
            double v = -1;
            while (v <= 0) {
                int[] s = ThreefryScalars.split(kx[0], kx[1], 2, partitionable);
                kx = new int[] {s[0], s[1]};
                x = ThreefryScalars.normal64(s[2], s[3], partitionable);
                v = Math.fma(x, c, 1.0);
            }
            x2 = x * x;
            v3 = (v * v) * v;
            u = ThreefryScalars.uniform64(k3[4], k3[5], partitionable);
        }
        if (logSpace) {
            double ls = -ThreefryScalars.exponential64(sub[0], sub[1], partitionable);
            double lb = boost || ls == 0 ? 0 : ls * (1 / alphaOrig);
            return (log(d) + log(v3)) + lb;
        }
        double samples = 1 - ThreefryScalars.uniform64(sub[0], sub[1], partitionable);
        return (d * v3) * (boost ? 1 : Math.pow(samples, 1 / alphaOrig));
    }

    private static double log(double x) {
        return x > 0 ? StrictMath.log(x) : (x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN);
    }

    /**
     * JAX's {@code _gamma_grad}: {@code t * random_gamma_grad(a, sample)}, in log space divided by the
     * sample ({@code exp} of the log sample, zeros replaced by the smallest normal float).
     */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array a = primals.get(1);
        Array sample = dev.jaxvm.core.Trace.bind1(this, primals.get(0), a);
        Array ta = tangents.get(1);
        if (ta == null) return Jvp.of(sample, null);
        Array g;
        if (logSpace) {
            Array s = Lax.exp(sample);
            DenseArray tiny = DenseArray.scalar(a.dtype(), false, a.dtype() == DType.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL);
            DenseArray zero = DenseArray.scalar(a.dtype(), false, 0);
            s = Lax.select(Lax.eq(s, Lax.broadcastInDim(zero, s.shape())), Lax.broadcastInDim(tiny, s.shape()), s);
            g = Lax.div(LaxRandom.randomGammaGrad(a, s), s);
        } else {
            g = LaxRandom.randomGammaGrad(a, sample);
        }
        return Jvp.of(sample, Lax.mul(ta, g));
    }

    /** Each example derives its own per-element keys from its single key, which no batched call can reproduce: one call per example (JAX lowers random_gamma through a vmapped loop). */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.unrolled(this, args, dims); }
}
