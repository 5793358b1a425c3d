package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code igamma_grad_a}: the derivative {@code dP(a, x)/da} of the lower regularized incomplete
 * gamma function, elementwise, as JAX's {@code lax.igamma_grad_a} (the series and continued
 * fraction of {@link IgammaEval} with the derivative carried along); NaN for {@code a <= 0} or
 * {@code x < 0}. JAX defines no JVP for it, and neither does jaxvm.
 *
 * {@snippet :
 * Array dpda = LaxSpecial.igammaGradA(a, x);
 * }
 */
public record IgammaGradA() implements BinaryPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "igamma_grad_a"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return SpecialBinaryKernel.abstractEval(name(), in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference loop, split over the compiler's pool (each element iterates a series). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        boolean f32 = out.getFirst().dtype() != DType.FLOAT64;
        return SpecialBinaryKernel.evaluate((a, x) -> IgammaEval.igammaGradA(a, x, f32), in, out, ranges);
    }
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }
}
