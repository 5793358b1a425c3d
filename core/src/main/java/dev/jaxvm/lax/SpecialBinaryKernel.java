package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The shared evaluation of the binary special functions without a lane op ({@code polygamma},
 * {@code zeta}): lax broadcasting of two float operands of one dtype, the function in double
 * precision, rounded to the dtype; the shape rule with JAX's dtype error.
 */
final class SpecialBinaryKernel {
    private SpecialBinaryKernel() {}

    static List<ArrayType> abstractEval(String name, List<ArrayType> in) {
        DTypeRule.arity(name, in, 2);
        for (int i = 0; i < 2; i++) {
            if (!in.get(i).dtype().isFloating()) {
                throw new IllegalArgumentException(name + " does not accept dtype " + in.get(i).dtype() + " at position "
                        + i + ". Accepted dtypes at position " + i + " are subtypes of floating.");
            }
        }
        return List.of(ElementwiseRules.outType(name, in, false));
    }

    static List<DenseArray> evaluate(DoubleBinaryOperator f, List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        ArrayType t = out.getFirst();
        int[] ia = ElementwiseRules.broadcastIndex(in.get(0).type().shape(), t.shape());
        int[] ib = ElementwiseRules.broadcastIndex(in.get(1).type().shape(), t.shape());
        Object data = Storage.allocate(t.dtype(), t.size());
        boolean f64 = t.dtype() == DType.FLOAT64;
        ranges.run(t.size(), 200, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                double v = f.applyAsDouble(in.get(0).getDouble(ia[i]), in.get(1).getDouble(ib[i]));
                Storage.setDouble(t.dtype(), data, i, f64 ? v : (float) v);
            }
        });
        return List.of(DenseArray.wrap(t, data));
    }
}
