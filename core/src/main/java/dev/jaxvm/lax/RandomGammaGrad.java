package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code random_gamma_grad}: elementwise derivative {@code d x / d a} of Gamma(a) samples {@code x}
 * (implicit reparameterisation), as JAX's {@code lax.random_gamma_grad}; the JVP of
 * {@link RandomGamma}. Operands are float32 or float64 arrays of one shape. No derivative of its own.
 *
 * {@snippet :
 * Array g = Lax.randomGammaGrad(a, sample);   // same shape as a
 * }
 */
public record RandomGammaGrad() implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_gamma_grad"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType a = in.get(0);
        ArrayType x = in.get(1);
        if ((a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) || a.dtype() != x.dtype()
                || !a.shape().equals(x.shape())) {
            throw new IllegalArgumentException("random_gamma_grad requires float32 or float64 operands of one shape"
                    + " and dtype, got " + a.toLongString() + " and " + x.toLongString());
        }
        return List.of(a.withWeakType(false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** A library kernel: the per-element series and continued fraction, split over the compiler's pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Library(new RangesKernel(name(), this::evaluate));
    }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DType t = out.getFirst().dtype();
        GammaGradEval g = new GammaGradEval(t == DType.FLOAT32);
        int n = out.getFirst().size();
        Object r = Storage.allocate(t, n);
        DenseArray a = in.get(0);
        DenseArray x = in.get(1);
        // each element runs a series of up to a few hundred terms
        ranges.run(n, 512, (lo, hi) -> {
            for (int i = lo; i < hi; i++) Storage.setDouble(t, r, i, g.grad(a.getDouble(i), x.getDouble(i)));
        });
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array[] front = BatchRules.allAtFront(args, dims);
        return Batched.of(dev.jaxvm.core.Trace.bind1(this, front[0], front[1]), 0);
    }
}
