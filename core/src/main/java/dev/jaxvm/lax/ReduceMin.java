package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * {@code reduce_min}: the minimum (NaN-propagating; +inf or the dtype's maximum when empty) over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceMin(Ints axes) implements ReductionPrimitive, Batchable, Partials, Lowerable {
    @Override
    public String name() { return "reduce_min"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return Folds.monoidType(name(), in, axes, null);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Folds.fold(in.getFirst(), axes, out.getFirst(), ScalarOp.MIN));
    }

    /** The batch axis stays; the reduced axes shift around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes, ReduceMin::new); }

    /** A {@code min} reduction over {@code axes}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(ScalarOp.MIN, axes); }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) { return Rules.reduceChooserJvp(g, ans, x.get(0), axes); }
}
