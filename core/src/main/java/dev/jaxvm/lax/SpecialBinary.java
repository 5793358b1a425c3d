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
 * The binary special functions without a lane op ({@code igamma}, {@code igammac},
 * {@code igamma_grad_a}, {@code polygamma}, {@code zeta}): two float operands of one dtype with lax
 * broadcasting, a scalar function computed in double precision and rounded to the dtype; they differ
 * only in that function (and their JVPs).
 */
public sealed interface SpecialBinary extends BinaryPrimitive, Batchable, Lowerable
        permits Igamma, Igammac, IgammaGradA, Polygamma, Zeta {

    /** The function at one pair of elements; {@code f32} says the result will be rounded to float32. */
    double apply(double a, double x, boolean f32);

    /** Both operands floating, with JAX's dtype error, then lax broadcasting. */
    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 2);
        for (int i = 0; i < 2; i++) {
            if (!in.get(i).dtype().isFloating()) {
                throw new IllegalArgumentException(name() + " does not accept dtype " + in.get(i).dtype() + " at position "
                        + i + ". Accepted dtypes at position " + i + " are subtypes of floating.");
            }
        }
        return List.of(ElementwiseRules.outType(name(), in, false));
    }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference loop, split over the compiler's pool (each element iterates a series). */
    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    @Override
    default Batched batch(List<Array> args, Ints dims) { return BatchRules.elementwise(this, args, dims); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        ArrayType t = out.getFirst();
        int[] ia = ElementwiseRules.broadcastIndex(in.get(0).type().shape(), t.shape());
        int[] ib = ElementwiseRules.broadcastIndex(in.get(1).type().shape(), t.shape());
        Object data = Storage.allocate(t.dtype(), t.size());
        boolean f64 = t.dtype() == DType.FLOAT64;
        ranges.run(t.size(), 200, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                double v = apply(in.get(0).getDouble(ia[i]), in.get(1).getDouble(ib[i]), !f64);
                Storage.setDouble(t.dtype(), data, i, f64 ? v : (float) v);
            }
        });
        return List.of(DenseArray.wrap(t, data));
    }
}
