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
 * {@code reshape}: row-major reshape to {@code newSizes}.
 *
 * @param newSizes the output shape
 * @param dimensions always null here (JAX's optional transpose applied first is not used by jnp)
 */
public record Reshape(Ints newSizes, Ints dimensions) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "reshape"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("dimensions", dimensions), new Param("new_sizes", newSizes), new Param("sharding", null));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        Shape s = new Shape(newSizes.values());
        if (s.size() != x.size()) {
            throw new IllegalArgumentException("reshape total size must be unchanged, got new_sizes " + newSizes
                    + " (of total size " + s.size() + ") for shape " + x.shape() + " (of total size " + x.size() + ").");
        }
        if (dimensions != null) throw new UnsupportedOperationException("reshape with dimensions is not supported");
        return List.of(x.withShape(s));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(in.getFirst().reshaped(out.getFirst().shape()).withWeakType(out.getFirst().weakType()));
    }

    /** The batch axis goes first and is kept by the reshape. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array x = BatchRules.moveAxis(args.getFirst(), dims.get(0), 0);
        return Batched.of(Lax.reshape(x, BatchRules.insert(newSizes.values(), 0, x.shape()[0])), 0);
    }

    /** The row-major data, unchanged. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reshape(); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Lax.reshape(cts.getFirst(), operands.getFirst().type().shape().dims()));
    }
}
