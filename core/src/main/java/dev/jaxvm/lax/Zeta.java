package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code zeta}: the elementwise Hurwitz zeta function {@code zeta(x, q) = sum_k (k + q)^-x} of two
 * float operands of one dtype (lax broadcasting), as JAX's {@code lax.zeta}: Cephes' Euler-Maclaurin
 * summation in double precision, rounded to the operand dtype; infinity at {@code x = 1}, NaN for
 * {@code x < 1}. JAX defines no JVP for it, and neither does jaxvm.
 *
 * {@snippet :
 * Array z = LaxSpecial.zeta(Jnp.array(2.0), Jnp.array(1.0));   // pi^2 / 6
 * }
 */
public record Zeta() implements BinaryPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "zeta"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return SpecialBinaryKernel.abstractEval(name(), in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference loop, split over the compiler's pool (each element iterates a series). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        return SpecialBinaryKernel.evaluate(SpecialZeta::zeta, in, out, ranges);
    }

    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }
}
