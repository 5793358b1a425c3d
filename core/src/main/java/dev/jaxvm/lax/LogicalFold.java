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
 * The logical or bitwise folds over axes ({@code reduce_and}, {@code reduce_or}, {@code reduce_xor}):
 * they differ only in their {@link ScalarOp}.
 */
public sealed interface LogicalFold extends ReductionPrimitive, Batchable, ZeroDerivative, Lowerable
        permits ReduceAnd, ReduceOr, ReduceXor {

    /** The reduced axes, sorted and non-negative. */
    Ints axes();

    /** The lane operation folded over the axes. */
    ScalarOp scalarOp();

    /** The same fold over other axes. */
    LogicalFold withAxes(Ints axes);

    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        Folds.checkLogical(in);
        return Folds.monoidType(name(), in, axes(), null);
    }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Folds.fold(in.getFirst(), axes(), out.getFirst(), scalarOp()));
    }

    /** The batch axis stays; the reduced axes shift around it. */
    @Override
    default Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes(), this::withAxes); }

    /** A reduction by {@link #scalarOp()} over the axes. */
    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(scalarOp(), axes()); }
}
