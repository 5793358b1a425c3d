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
 * {@code reduce_and}: the logical or bitwise and over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceAnd(Ints axes) implements ReductionPrimitive, Batchable, ZeroDerivative, Lowerable {
    @Override
    public String name() { return "reduce_and"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        Folds.checkLogical(in);
        return Folds.monoidType(name(), in, axes, null);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Folds.fold(in.getFirst(), axes, out.getFirst(), ScalarOp.AND));
    }

    /** The batch axis stays; the reduced axes shift around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes, ReduceAnd::new); }

    /** A {@code and} reduction over {@code axes}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(ScalarOp.AND, axes); }
}
