package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code iota}: the index ramp along {@code dimension} of an array of {@code shape}.
 *
 * @param dimension the axis that counts
 * @param dtype the element type
 * @param shape the output shape
 */
public record Iota(int dimension, DType dtype, Shape shape) implements ShapePrimitive, Batchable, ZeroDerivative, Lowerable {
    @Override
    public String name() { return "iota"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("dimension", dimension), new Param("dtype", dtype), new Param("shape", shape),
                new Param("sharding", null));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (!in.isEmpty()) throw new IllegalArgumentException("iota takes no operands");
        if (dimension < 0 || dimension >= shape.rank()) {
            throw new IllegalArgumentException("iota dimension must be between 0 and " + (shape.rank() - 1)
                    + ", got " + dimension);
        }
        return List.of(new ArrayType(shape, dtype, false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        int[] d = shape.dims();
        int[] idx = new int[d.length];
        Object data = Storage.allocate(dtype, shape.size());
        for (int i = 0; i < shape.size(); i++) {
            IndexMaps.unravel(i, d, idx);
            Storage.setLong(dtype, data, i, idx[dimension]);
        }
        return List.of(DenseArray.wrap(out.getFirst(), data));
    }

    /** Iota has no operands, so it is never batched: the rule only evaluates it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        return Batched.of(Trace.bind1(this), NOT_MAPPED);
    }

    /** The output index along {@code dimension}, as a value. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.IndexMap((idx, x) -> new Expr.Index(idx.get(dimension), dtype));
    }
}
