package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/** JAX's {@code _dynamic_slice_indices}: negative start indices count from the end of their axis. */
final class DynamicIndices {
    private DynamicIndices() {}

    static List<Array> normalize(String fn, Array x, List<?> starts) {
        int[] shape = x.shape();
        if (starts.size() != shape.length) {
            throw new IllegalArgumentException("Length of slice indices must match number of operand dimensions ("
                    + starts.size() + " vs " + x.type().shape() + ")");
        }
        List<Array> out = new ArrayList<>(starts.size());
        for (int k = 0; k < shape.length; k++) {
            Object s = starts.get(k);
            int d = shape[k];
            switch (s) {
                case Integer i -> out.add(DenseArray.scalarLong(DType.INT32, true, i < 0 ? (long) i + d : i));
                case Long i -> out.add(DenseArray.scalarLong(DType.INT32, true, i < 0 ? i + d : i));
                case Array i when i.ndim() == 0 && i.dtype().isInteger() -> out.add(select(i, d));
                case null, default -> throw new IllegalArgumentException(fn + ": start index " + k
                        + " must be a Java int or a scalar integer array, got " + describe(s));
            }
        }
        return out;
    }

    /** {@code select(i < 0, i + d, i)}, with {@code i} made strong for the addition as jnp's {@code +} does. */
    private static Array select(Array i, int d) {
        if (i.dtype().isUnsigned()) return i;
        Array neg = Lax.lt(i, DenseArray.scalarLong(i.dtype(), true, 0));
        Array strong = i;
        if (i.weakType()) {
            strong = i instanceof DenseArray c
                    ? Trace.under(EvalInterpreter.INSTANCE, () -> Lax.convertElementType(c, c.dtype(), false))
                    : Lax.convertElementType(i, i.dtype(), false);
        }
        Array plus = Lax.add(strong, DenseArray.scalarLong(i.dtype(), false, d));
        return Lax.selectN(neg, i, plus);
    }

    private static String describe(Object s) {
        return switch (s) {
            case null -> "null";
            case Array a -> a.type().toLongString();
            default -> s.getClass().getSimpleName();
        };
    }
}
