package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.List;

/**
 * {@code transpose}: output dimension {@code i} is operand dimension {@code permutation[i]}.
 *
 * @param permutation a permutation of the operand's axes
 */
public record Transpose(Ints permutation) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "transpose"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        int r = x.rank();
        boolean[] seen = new boolean[r];
        boolean ok = permutation.size() == r;
        for (int p : permutation.values()) {
            if (p < 0 || p >= r || seen[p]) ok = false;
            else seen[p] = true;
        }
        if (!ok) {
            throw new IllegalArgumentException("transpose permutation isn't a permutation of operand dimensions, got"
                    + " permutation " + permutation + " for operand shape " + x.shape() + ".");
        }
        int[] d = new int[r];
        for (int i = 0; i < r; i++) d[i] = x.shape().dim(permutation.get(i));
        return List.of(x.withShape(new Shape(d)));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] od = out.getFirst().shape().dims();
        int[] xs = x.type().shape().strides();
        int[] idx = new int[od.length];
        return List.of(IndexMaps.gather(x, out.getFirst(), i -> {
            IndexMaps.unravel(i, od, idx);
            int src = 0;
            for (int k = 0; k < od.length; k++) src += idx[k] * xs[permutation.get(k)];
            return src;
        }));
    }

    /** The batch axis goes first, the other axes are permuted as for one example. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        int d = dims.get(0);
        int[] perm = new int[permutation.size() + 1];
        perm[0] = d;
        for (int i = 0; i < permutation.size(); i++) perm[i + 1] = BatchRules.physical(permutation.get(i), d);
        return Batched.of(Lax.transpose(args.getFirst(), perm), 0);
    }

    /** Operand index {@code permutation[i]} is output index i. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.IndexMap((idx, x) -> {
            Ix[] src = new Ix[idx.size()];
            for (int i = 0; i < src.length; i++) src[permutation.get(i)] = idx.get(i);
            return x.read(0, List.of(src));
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        int[] inverse = new int[permutation.size()];
        for (int i = 0; i < inverse.length; i++) inverse[permutation.get(i)] = i;
        return List.of(Lax.transpose(cts.getFirst(), inverse));
    }
}
