package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;
import java.util.StringJoiner;

/** The type rule and the reference evaluation shared by all {@link Elementwise} primitives. */
final class ElementwiseRules {
    private ElementwiseRules() {}

    /** lax's n-ary type rule: same dtypes; shapes equal up to size-1 dims, or rank 0. */
    static ArrayType outType(String name, List<ArrayType> in, boolean predicate) {
        DType dtype = in.getFirst().dtype();
        boolean weak = true;
        for (ArrayType t : in) {
            if (t.dtype() != dtype) {
                StringJoiner j = new StringJoiner(", ");
                for (ArrayType u : in) j.add(u.dtype().numpyName());
                throw new IllegalArgumentException(name + " requires arguments to have the same dtypes, got " + j
                        + ". (Tip: Jnp." + name + " is a similar function that does automatic type promotion on inputs.)");
            }
            weak &= t.weakType();
        }
        Shape shape = broadcastShapes(name, in);
        return predicate ? new ArrayType(shape, DType.BOOL, false) : new ArrayType(shape, dtype, weak);
    }

    static Shape broadcastShapes(String name, List<ArrayType> in) {
        int rank = 0;
        for (ArrayType t : in) rank = Math.max(rank, t.rank());
        int[] out = null;
        for (ArrayType t : in) {
            if (t.rank() == 0) continue;
            if (t.rank() != rank) throw incompatible(name, in);
            int[] d = t.shape().dims();
            if (out == null) {
                out = d;
                continue;
            }
            for (int k = 0; k < rank; k++) {
                if (out[k] == d[k] || d[k] == 1) continue;
                if (out[k] == 1) out[k] = d[k];
                else throw incompatible(name, in);
            }
        }
        return out == null ? Shape.SCALAR : new Shape(out);
    }

    private static IllegalArgumentException incompatible(String name, List<ArrayType> in) {
        StringJoiner j = new StringJoiner(", ");
        for (ArrayType t : in) j.add(t.shape().toString());
        return new IllegalArgumentException(name + " got incompatible shapes for broadcasting: " + j + ".");
    }

    /** Evaluates {@code op} over the broadcast index space of {@code out}. */
    static DenseArray evaluate(ScalarOp op, List<DenseArray> in, ArrayType out) {
        int n = out.size();
        DType inType = in.getFirst().dtype();
        Object data = Storage.allocate(out.dtype(), n);
        int[][] index = new int[in.size()][];
        for (int k = 0; k < in.size(); k++) index[k] = broadcastIndex(in.get(k).type().shape(), out.shape());
        boolean floating = inType.isFloating();
        for (int i = 0; i < n; i++) {
            if (lowPrecision(inType) && !op.predicate()) {
                float a = (float) in.get(0).getDouble(index[0][i]);
                float b = op.arity() > 1 ? (float) in.get(1).getDouble(index[1][i]) : 0f;
                Storage.setDouble(out.dtype(), data, i, op.applyFloat(a, b));
            } else if (floating) {
                double a = in.get(0).getDouble(index[0][i]);
                double b = op.arity() > 1 ? in.get(1).getDouble(index[1][i]) : 0;
                Storage.setDouble(out.dtype(), data, i, round(inType, op.applyDouble(a, b)));
            } else {
                long a = in.get(0).getLong(index[0][i]);
                long b = op.arity() > 1 ? in.get(1).getLong(index[1][i]) : 0;
                Storage.setLong(out.dtype(), data, i, op.applyLong(inType, a, b));
            }
        }
        return DenseArray.wrap(out, data);
    }

    /** float32 and the 16-bit floats, which XLA:CPU computes in float32 ({@link ScalarOp#applyFloat}). */
    private static boolean lowPrecision(DType t) {
        return t == DType.FLOAT32 || t == DType.FLOAT16 || t == DType.BFLOAT16;
    }

    /** Rounds an intermediate double to the operand dtype, so predicates see the same value a kernel would. */
    private static double round(DType t, double v) {
        return switch (t) {
            case FLOAT32 -> (float) v;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
            case BFLOAT16 -> Float.intBitsToFloat((Storage.toBFloat16((float) v) & 0xFFFF) << 16);
            case FLOAT64, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> v;
        };
    }

    /** For each flat index of {@code out}, the flat index into an operand of shape {@code in}. */
    static int[] broadcastIndex(Shape in, Shape out) {
        int n = out.size();
        int[] idx = new int[n];
        if (in.rank() == 0) return idx;
        int[] od = out.dims();
        int[] id = in.dims();
        int[] is = in.strides();
        int[] counter = new int[od.length];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            idx[i] = pos;
            for (int k = od.length - 1; k >= 0; k--) {
                counter[k]++;
                if (id[k] != 1) pos += is[k];
                if (counter[k] < od[k]) break;
                if (id[k] != 1) pos -= is[k] * od[k];
                counter[k] = 0;
            }
        }
        return idx;
    }
}
