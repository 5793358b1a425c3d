package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sort}: sorts equally-shaped operands together along {@code dimension}, ordering by the first
 * {@code numKeys} operands lexicographically. Floats use a total order with NaNs last and
 * {@code -0.0 == 0.0}, as JAX does.
 *
 * @param dimension the non-negative axis to sort along
 * @param isStable whether equal keys keep their order (the reference evaluation is always stable)
 * @param numKeys how many leading operands are keys
 */
public record Sort(int dimension, boolean isStable, int numKeys) implements LinalgPrimitive, Batchable, Differentiable, Lowerable {
    @Override
    public String name() { return "sort"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.isEmpty()) throw new IllegalArgumentException("sort requires at least one operand");
        if (numKeys < 1 || numKeys > in.size()) {
            throw new IllegalArgumentException("num_keys=" + numKeys + " must be between 1 and len(operand)=" + in.size());
        }
        ArrayType first = in.getFirst();
        for (ArrayType t : in) {
            if (!t.shape().equals(first.shape())) {
                StringBuilder b = new StringBuilder();
                for (ArrayType s : in) b.append(' ').append(s.shape());
                throw new IllegalArgumentException("Arguments to sort must have equal shapes, got:" + b);
            }
        }
        if (dimension < 0 || dimension >= first.rank()) {
            throw new IllegalArgumentException("axis " + dimension + " is out of bounds for array of dimension " + first.rank());
        }
        return List.copyOf(in);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        int[] d = in.getFirst().type().shape().dims();
        int n = d[dimension];
        int stride = in.getFirst().type().shape().strides()[dimension];
        int lines = n == 0 ? 0 : in.getFirst().size() / n;
        int[][] perm = new int[lines][];
        int[] base = new int[lines];
        for (int line = 0; line < lines; line++) {
            int b = (line / stride) * stride * n + line % stride;
            base[line] = b;
            Integer[] p = new Integer[n];
            for (int i = 0; i < n; i++) p[i] = i;
            java.util.Arrays.sort(p, (x, y) -> {
                for (int k = 0; k < numKeys; k++) {
                    int c = SortOrder.compare(in.get(k), b + x * stride, b + y * stride);
                    if (c != 0) return c;
                }
                return 0;
            });
            perm[line] = new int[n];
            for (int i = 0; i < n; i++) perm[line][i] = p[i];
        }
        List<DenseArray> res = new ArrayList<>();
        for (int j = 0; j < in.size(); j++) {
            DenseArray a = in.get(j);
            Object dst = dev.jaxvm.core.Storage.allocate(a.dtype(), a.size());
            for (int line = 0; line < lines; line++) {
                for (int i = 0; i < n; i++) {
                    dev.jaxvm.core.Storage.copyElement(a.buffer(), base[line] + perm[line][i] * stride, dst,
                            base[line] + i * stride);
                }
            }
            res.add(DenseArray.wrap(out.get(j), dst));
        }
        return res;
    }

    /** All operands batch-first; sorting one axis later. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.frontAlongAxis(args, dims, dimension, a -> new Sort(a, isStable, numKeys)); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array first = primals.getFirst();
        Array iota = Lax.broadcastedIota(dev.jaxvm.DType.INT32, first.shape(), dimension);
        List<Array> args = new java.util.ArrayList<>(primals);
        args.add(iota);
        List<Array> sorted = Trace.bind(this, args);
        Array perm = sorted.getLast();
        List<Array> out = sorted.subList(0, primals.size());
        List<Array> ts = new java.util.ArrayList<>();
        for (Array t : tangents) ts.add(t == null ? null : Rules.takeAlongAxis(t, perm, dimension));
        return new Jvp(out, ts);
    }

    /** A stable sort of each line by the keys, the permutation applied to every operand. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Library(dev.jaxvm.compile.SortKernel.sort(dimension, numKeys));
    }
}
