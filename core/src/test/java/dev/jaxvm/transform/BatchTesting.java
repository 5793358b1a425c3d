package dev.jaxvm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import java.util.List;
import java.util.Random;

/** Array helpers for the batching tests: seeded random arrays, example slices, stacking and comparison. */
final class BatchTesting {
    private BatchTesting() {}

    /** Random values for {@code t}: floats in [-2, 2), integers in [0, 4), booleans. */
    static DenseArray random(ArrayType t, Random rnd) {
        Object data = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            if (t.dtype().isFloating()) Storage.setDouble(t.dtype(), data, i, (float) (rnd.nextDouble() * 4 - 2));
            else if (t.dtype() == DType.BOOL) Storage.setBoolean(t.dtype(), data, i, rnd.nextBoolean());
            else Storage.setLong(t.dtype(), data, i, rnd.nextInt(4));
        }
        return DenseArray.wrap(t, data);
    }

    /** The type of a batch of {@code size} examples of type {@code t}, batched along {@code dim}. */
    static ArrayType batchType(ArrayType t, int size, int dim) {
        int[] d = t.shape().dims();
        int[] out = new int[d.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == dim ? size : d[j++];
        return t.withShape(new Shape(out));
    }

    /** Example {@code b} of {@code x} batched along {@code dim}. */
    static Array example(Array x, int dim, int b) {
        int[] s = x.shape();
        int[] start = new int[s.length];
        int[] limit = s.clone();
        start[dim] = b;
        limit[dim] = b + 1;
        return Lax.squeeze(Lax.slice(x, start, limit, null), dim);
    }

    /** Stacks examples along a new leading axis. */
    static Array stack(List<Array> xs) { return Lax.stack(xs, 0); }

    /** Asserts equal types (weak flag included) and values (floats to a relative 1e-5, NaNs equal). */
    static void assertSame(Array expected, Array actual, String what) {
        assertEquals(expected.type().toLongString(), actual.type().toLongString(), what + ": type");
        DenseArray e = (DenseArray) expected;
        DenseArray a = (DenseArray) actual;
        for (int i = 0; i < e.size(); i++) {
            if (e.dtype().isFloating()) {
                double x = e.getDouble(i), y = a.getDouble(i);
                boolean ok = Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(x));
                if (!ok) fail(what + ": element " + i + " expected " + x + " but was " + y + "\nexpected " + e + "\nactual   " + a);
            } else if (e.getLong(i) != a.getLong(i)) {
                fail(what + ": element " + i + " expected " + e.getLong(i) + " but was " + a.getLong(i)
                        + "\nexpected " + e + "\nactual   " + a);
            }
        }
    }
}
