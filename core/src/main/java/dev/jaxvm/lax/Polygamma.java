package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code polygamma}: the elementwise polygamma function {@code psi^(m)(x)} of two float operands of
 * one dtype (lax broadcasting), as JAX's {@code lax.polygamma}: digamma for {@code m = 0},
 * {@code (-1)^(m+1) m! zeta(m+1, x)} for integer {@code m >= 1}, NaN for other orders. Computed in
 * double precision and rounded to the operand dtype. Its JVP is {@code g * polygamma(m + 1, x)} in
 * {@code x}; JAX defines none in {@code m}, and neither does this rule.
 *
 * {@snippet :
 * Array trigamma = LaxSpecial.polygamma(Jnp.array(1.0f), x);   // d digamma(x) / dx
 * }
 */
public record Polygamma() implements BinaryPrimitive, Differentiable, Batchable, Lowerable {
    @Override
    public String name() { return "polygamma"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return SpecialBinaryKernel.abstractEval(name(), in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference loop, split over the compiler's pool (each element iterates a series). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        return SpecialBinaryKernel.evaluate(SpecialZeta::polygamma, in, out, ranges);
    }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        if (tangents.get(0) != null) throw new IllegalArgumentException("polygamma gradient with respect to m is not supported");
        Array m = primals.get(0);
        Array x = primals.get(1);
        Array ans = LaxSpecial.polygamma(m, x);
        Array one = DenseArray.scalar(m.dtype(), false, 1);
        Array t = Lax.mul(tangents.get(1), LaxSpecial.polygamma(Lax.add(m, one), x));
        return Jvp.of(ans, Tangents.maybeBroadcast(ans.type().shape(), t));
    }

    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }
}
