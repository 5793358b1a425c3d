package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.List;

/**
 * {@code squeeze}: removes the given size-1 dimensions.
 *
 * @param dimensions the non-negative, sorted axes to remove
 */
public record Squeeze(Ints dimensions) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "squeeze"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        int[] d = x.shape().dims();
        int[] out = new int[d.length - dimensions.size()];
        int j = 0;
        for (int i = 0; i < d.length; i++) {
            if (dimensions.contains(i)) {
                if (d[i] != 1) {
                    throw new IllegalArgumentException("cannot select an axis to squeeze out which has size not equal to"
                            + " one, got shape=" + x.shape() + " and dimensions=" + dimensions);
                }
            } else {
                out[j++] = d[i];
            }
        }
        for (int a : dimensions.values()) {
            if (a < 0 || a >= d.length) throw new IllegalArgumentException("squeeze: dimension " + a
                    + " out of range for shape " + x.shape());
        }
        return List.of(x.withShape(new Shape(out)));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(in.getFirst().reshaped(out.getFirst().shape()));
    }

    /** Squeezes the shifted dimensions; the batch axis stays where it is. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        int d = dims.get(0);
        int[] phys = BatchRules.physical(dimensions, d);
        return Batched.of(Lax.squeeze(args.getFirst(), phys), BatchRules.afterRemoving(d, phys));
    }

    /** The row-major data, unchanged. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reshape(); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Tangents.expandDims(cts.getFirst(), dimensions.values()));
    }
}
