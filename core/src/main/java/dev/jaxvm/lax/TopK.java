package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code top_k}: the {@code k} largest entries along {@code axis} in descending order (ties: lower
 * index first; NaN largest), and their int32 indices.
 *
 * @param axis the non-negative axis
 * @param k how many entries to keep
 */
public record TopK(int axis, int k) implements LinalgPrimitive, Batchable, Differentiable, Lowerable {
    @Override
    public String name() { return "top_k"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (axis < 0 || axis >= x.rank()) {
            throw new IllegalArgumentException("top_k: axis " + axis + " is out of bounds for array of dimension " + x.rank());
        }
        if (k < 0) throw new IllegalArgumentException("k argument to top_k must be nonnegative, got " + k);
        if (k > x.shape().dim(axis)) {
            throw new IllegalArgumentException("k argument to top_k must be no larger than size along axis; got k=" + k
                    + " with shape=" + java.util.Arrays.toString(x.shape().dims()) + " and axis=" + axis);
        }
        int[] d = x.shape().dims();
        d[axis] = k;
        Shape s = new Shape(d);
        return List.of(x.withShape(s), new ArrayType(s, DType.INT32, false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int n = x.type().shape().dim(axis);
        int stride = x.type().shape().strides()[axis];
        int lines = n == 0 ? 0 : x.size() / n;
        ArrayType vt = out.get(0), it = out.get(1);
        Object vals = Storage.allocate(vt.dtype(), vt.size());
        int[] idx = new int[it.size()];
        for (int line = 0; line < lines; line++) {
            int b = (line / stride) * stride * n + line % stride;
            int ob = (line / stride) * stride * k + line % stride;
            Integer[] p = new Integer[n];
            for (int i = 0; i < n; i++) p[i] = i;
            java.util.Arrays.sort(p, (u, v) -> -SortOrder.compare(x, b + u * stride, b + v * stride));
            for (int i = 0; i < k; i++) {
                Storage.copyElement(x.buffer(), b + p[i] * stride, vals, ob + i * stride);
                idx[ob + i * stride] = p[i];
            }
        }
        return List.of(DenseArray.wrap(vt, vals), DenseArray.wrap(it, idx));
    }

    /** The batch axis stays in both outputs; the axis shifts around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.alongAxes(args, dims, Ints.of(axis), a -> new TopK(a.get(0), k)); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        List<Array> out = Trace.bind(this, primals);
        List<Array> ts = new java.util.ArrayList<>();
        ts.add(Rules.takeAlongAxis(tangents.getFirst(), out.get(1), axis));
        ts.add(null);
        return new Jvp(out, ts);
    }

    /** A stable descending sort of each line, the first {@code k} kept. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Library(dev.jaxvm.compile.SortKernel.topK(axis, k));
    }
}
