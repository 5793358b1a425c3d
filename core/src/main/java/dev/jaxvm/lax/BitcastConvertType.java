package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * {@code bitcast_convert_type}: reinterprets the bits of each element as {@code newDtype}, which
 * must have the same width (the only case jaxvm supports; JAX also allows width changes).
 *
 * @param newDtype the target dtype
 */
public record BitcastConvertType(DType newDtype) implements ShapePrimitive {
    @Override
    public String name() { return "bitcast_convert_type"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (x.dtype().bits() != newDtype.bits() || x.dtype() == DType.BOOL || newDtype == DType.BOOL) {
            throw new UnsupportedOperationException("bitcast_convert_type from " + x.dtype() + " to " + newDtype
                    + ": only conversions between numeric dtypes of equal width are supported");
        }
        return List.of(new ArrayType(x.shape(), newDtype, false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        int n = t.size();
        Object data = switch (x.buffer()) {
            case int[] a when newDtype == DType.FLOAT32 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) f[i] = Float.intBitsToFloat(a[i]);
                yield f;
            }
            case float[] a -> {
                int[] r = new int[n];
                for (int i = 0; i < n; i++) r[i] = Float.floatToRawIntBits(a[i]);
                yield r;
            }
            case long[] a when newDtype == DType.FLOAT64 -> {
                double[] f = new double[n];
                for (int i = 0; i < n; i++) f[i] = Double.longBitsToDouble(a[i]);
                yield f;
            }
            case double[] a -> {
                long[] r = new long[n];
                for (int i = 0; i < n; i++) r[i] = Double.doubleToRawLongBits(a[i]);
                yield r;
            }
            // same Java array type on both sides: (u)int8/16/32/64 and the 16-bit floats
            default -> x.buffer();
        };
        return List.of(DenseArray.wrap(t, data));
    }
}
