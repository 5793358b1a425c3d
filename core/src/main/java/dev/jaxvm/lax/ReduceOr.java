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
 * {@code reduce_or}: the logical or bitwise or over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceOr(Ints axes) implements ReductionPrimitive, Batchable, ZeroDerivative, Lowerable {
    @Override
    public String name() { return "reduce_or"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        Folds.checkLogical(in);
        return Folds.monoidType(name(), in, axes, null);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Folds.fold(in.getFirst(), axes, out.getFirst(), ScalarOp.OR));
    }

    /** The batch axis stays; the reduced axes shift around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes, ReduceOr::new); }

    /** A {@code or} reduction over {@code axes}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(ScalarOp.OR, axes); }
}
