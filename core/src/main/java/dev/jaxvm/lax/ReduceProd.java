package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code reduce_prod}: the product (integers wrap) over {@code axes} (sorted, non-negative).
 *
 * @param axes the reduced axes
 */
public record ReduceProd(Ints axes) implements ReductionPrimitive, Batchable, Differentiable, Lowerable {
    @Override
    public String name() { return "reduce_prod"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return Folds.monoidType(name(), in, axes, DTypeRule.NUMBER);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Folds.fold(in.getFirst(), axes, out.getFirst(), ScalarOp.MUL));
    }

    /** The batch axis stays; the reduced axes shift around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.reduce(args, dims, axes, ReduceProd::new); }

    /** A {@code mul} reduction over {@code axes}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reduce(ScalarOp.MUL, axes); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        return Jvp.of(Trace.bind1(this, primals.getFirst()), ScanJvp.reduceProd(primals.getFirst(), tangents.getFirst(), axes));
    }
}
