package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rev}: reverses the operand along {@code dimensions} ({@code x[::-1]}).
 *
 * @param dimensions distinct non-negative axes
 */
public record Rev(Ints dimensions) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "rev"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        boolean[] seen = new boolean[x.rank()];
        for (int d : dimensions.values()) {
            if (d < 0 || d >= x.rank()) {
                throw new IllegalArgumentException("rev dimensions must all be less than operand ndim, got dimensions "
                        + dimensions + " for operand ndim " + x.rank() + ".");
            }
            if (seen[d]) throw new IllegalArgumentException("rev dimensions must be unique, got " + dimensions + ".");
            seen[d] = true;
        }
        return List.of(x);
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
            for (int k = 0; k < od.length; k++) src += (dimensions.contains(k) ? od[k] - 1 - idx[k] : idx[k]) * xs[k];
            return src;
        }));
    }

    /** The batch axis stays; the reversed axes shift around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.alongAxes(args, dims, dimensions, Rev::new); }

    /** Operand index {@code size - 1 - i} along the reversed axes. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] d = in.getFirst().shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(idx);
            for (int a : dimensions.values()) src.set(a, Ix.add(Ix.of(d[a] - 1), Ix.mul(idx.get(a), -1)));
            return x.read(0, src);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Lax.rev(cts.getFirst(), dimensions.values()));
    }
}
