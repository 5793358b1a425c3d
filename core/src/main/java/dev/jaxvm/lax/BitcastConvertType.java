package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.Arrays;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import java.util.List;

/**
 * {@code bitcast_convert_type}: reinterprets the bits of each element as {@code newDtype}
 * (little-endian, as on CPU). Equal widths keep the shape; a narrower target adds a trailing axis of
 * the width ratio; a wider one consumes a trailing axis of that size. Bool is only bitcast to bool.
 *
 * @param newDtype the target dtype
 */
public record BitcastConvertType(DType newDtype) implements ShapePrimitive, Batchable, ZeroDerivative, Lowerable {
    @Override
    public String name() { return "bitcast_convert_type"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        ArrayType x = in.getFirst();
        DType from = x.dtype();
        if ((from == DType.BOOL || newDtype == DType.BOOL) && from != newDtype) {
            throw new IllegalArgumentException("lax.bitcast_convert_type does not support bool or complex values unless"
                    + " the operand and destination types match. Got operand dtype=" + from + ", new_dtype=dtype('"
                    + newDtype + "'). Consider using the arr.view() method instead.");
        }
        int[] d = x.shape().dims();
        int fromBits = from.bits(), toBits = newDtype.bits();
        Shape out;
        if (fromBits == toBits) {
            out = x.shape();
        } else if (fromBits > toBits) {
            int[] o = Arrays.copyOf(d, d.length + 1);
            o[d.length] = fromBits / toBits;
            out = new Shape(o);
        } else {
            int last = d.length == 0 ? 1 : d[d.length - 1];
            if (d.length == 0 || last * fromBits != toBits) {
                throw new IllegalArgumentException("Attempting to convert array of shape " + x.shape() + " from " + from
                        + " of size " + fromBits + " bits to " + newDtype + " of size " + toBits + ", bits but " + last
                        + " * " + fromBits + " != " + toBits);
            }
            out = new Shape(Arrays.copyOf(d, d.length - 1));
        }
        return List.of(new ArrayType(out, newDtype, false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        int fromBytes = x.dtype().itemSize();
        byte[] bytes = new byte[x.size() * fromBytes];
        for (int i = 0; i < x.size(); i++) {
            long bits = rawBits(x, i);
            for (int k = 0; k < fromBytes; k++) bytes[i * fromBytes + k] = (byte) (bits >>> (8 * k));
        }
        int toBytes = newDtype.itemSize();
        Object data = Storage.allocate(newDtype, t.size());
        for (int i = 0; i < t.size(); i++) {
            long bits = 0;
            for (int k = 0; k < toBytes; k++) bits |= (bytes[i * toBytes + k] & 0xFFL) << (8 * k);
            setRawBits(newDtype, data, i, bits);
        }
        return List.of(DenseArray.wrap(t, data));
    }

    /** An index map of integer bit operations, for every pair of dtypes ({@link BitcastLowering}). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return BitcastLowering.lower(in.getFirst().dtype(), newDtype); }

    /** The element's bit pattern, zero-extended. */
    static long rawBits(DenseArray x, int i) {
        return switch (x.buffer()) {
            case boolean[] a -> a[i] ? 1 : 0;
            case byte[] a -> a[i] & 0xFFL;
            case short[] a -> a[i] & 0xFFFFL;
            case int[] a -> a[i] & 0xFFFFFFFFL;
            case long[] a -> a[i];
            case float[] a -> Float.floatToRawIntBits(a[i]) & 0xFFFFFFFFL;
            case double[] a -> Double.doubleToRawLongBits(a[i]);
            default -> throw new IllegalStateException("not a data array: " + x.buffer().getClass());
        };
    }

    /** Stores a bit pattern into element {@code i}. */
    static void setRawBits(DType t, Object data, int i, long bits) {
        switch (data) {
            case boolean[] a -> a[i] = bits != 0;
            case byte[] a -> a[i] = (byte) bits;
            case short[] a -> a[i] = (short) bits;
            case int[] a -> a[i] = (int) bits;
            case long[] a -> a[i] = bits;
            case float[] a -> a[i] = Float.intBitsToFloat((int) bits);
            case double[] a -> a[i] = Double.longBitsToDouble(bits);
            default -> throw new IllegalStateException("not a data array for " + t + ": " + data.getClass());
        }
    }

    /** Batch-first, as the bitcast may add or remove a trailing axis. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(dev.jaxvm.core.Trace.bind1(this, BatchRules.moveAxis(args.getFirst(), dims.get(0), 0)), 0); }
}
