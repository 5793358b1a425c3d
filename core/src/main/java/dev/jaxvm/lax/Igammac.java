package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code igammac}: the upper regularized incomplete gamma function {@code Q(a, x) = 1 - P(a, x)}
 * elementwise, of two float operands of one dtype (lax broadcasting), as JAX's {@code lax.igammac};
 * see {@link IgammaEval}. Differentiable in both operands (the negated rules of {@code igamma}).
 *
 * {@snippet :
 * Array q = LaxSpecial.igammac(a, x);   // scipy.special.gammaincc(a, x)
 * }
 */
public record Igammac() implements BinaryPrimitive, Differentiable, Batchable, Lowerable {
    @Override
    public String name() { return "igammac"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return SpecialBinaryKernel.abstractEval(name(), in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference loop, split over the compiler's pool (each element iterates a series). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        boolean f32 = out.getFirst().dtype() != DType.FLOAT64;
        return SpecialBinaryKernel.evaluate((a, x) -> IgammaEval.igammac(a, x, f32), in, out, ranges);
    }

    /** JAX's rule: {@code -igamma_grad_a(a, x)} in {@code a}, {@code -exp(-x + (a - 1) log x - lgamma(a))} in {@code x}. */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array a = primals.get(0), x = primals.get(1);
        Array ans = Trace.bind1(this, a, x);
        Array t = null;
        if (tangents.get(0) != null) t = Lax.mul(tangents.get(0), LaxSpecial.igammaGradA(a, x));
        if (tangents.get(1) != null) {
            Array density = Lax.exp(Lax.sub(Lax.mul(Lax.sub(a, Tangents.scalarLike(a, 1)), Lax.log(x)),
                    Lax.add(x, Lax.lgamma(a))));
            t = Tangents.add(t, Lax.mul(tangents.get(1), density));
        }
        if (t != null) t = Lax.neg(t);
        return Jvp.of(ans, Tangents.maybeBroadcast(ans.type().shape(), t));
    }
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }
}
