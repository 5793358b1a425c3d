package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tile}: repeats the whole operand {@code reps[k]} times along each axis {@code k}
 * ({@code jnp.tile}, JAX 0.10+).
 *
 * @param reps non-negative repetitions, one per operand axis
 */
public record Tile(Ints reps) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "tile"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (reps.size() != x.rank()) {
            throw new IllegalArgumentException("reps length must be equal to the ndim of x, got len(reps)=" + reps.size()
                    + " and x.ndim=" + x.rank() + ".");
        }
        int[] d = x.shape().dims();
        for (int k = 0; k < d.length; k++) {
            if (reps.get(k) < 0) throw new IllegalArgumentException("tile: reps must be non-negative, got " + reps);
            d[k] = Math.multiplyExact(d[k], reps.get(k));
        }
        return List.of(x.withShape(new Shape(d)));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] od = out.getFirst().shape().dims();
        int[] xd = x.type().shape().dims();
        int[] xs = x.type().shape().strides();
        int[] idx = new int[od.length];
        return List.of(IndexMaps.gather(x, out.getFirst(), i -> {
            IndexMaps.unravel(i, od, idx);
            int src = 0;
            for (int k = 0; k < od.length; k++) src += (idx[k] % xd[k]) * xs[k];
            return src;
        }));
    }

    /** The batch axis is tiled once. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(Lax.tile(args.getFirst(), BatchRules.insert(reps.values(), dims.get(0), 1)), dims.get(0)); }

    /** Operand index {@code i % size} along each axis. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] d = in.getFirst().shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(idx.size());
            for (int k = 0; k < idx.size(); k++) src.add(Ix.rem(idx.get(k), Math.max(1, d[k])));
            return x.read(0, src);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        int[] s = operands.getFirst().type().shape().dims();
        int[] pairs = new int[2 * s.length];
        int[] axes = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            pairs[2 * i] = reps.get(i);
            pairs[2 * i + 1] = s[i];
            axes[i] = 2 * i;
        }
        return List.of(Lax.reduceSum(Lax.reshape(cts.getFirst(), pairs), axes));
    }
}
