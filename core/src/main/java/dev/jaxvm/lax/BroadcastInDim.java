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
 * {@code broadcast_in_dim}: operand dimension {@code i} becomes output dimension
 * {@code broadcastDimensions[i]} (strictly increasing), where it must be 1 or equal.
 *
 * @param shape the output shape
 * @param broadcastDimensions where each operand dimension goes
 */
public record BroadcastInDim(Shape shape, Ints broadcastDimensions) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "broadcast_in_dim"; }

    /** JAX's print rule: the shape is implied by the binder; empty dimensions are not printed. */
    @Override
    public List<Param> params() {
        return broadcastDimensions.size() == 0 ? List.of() : List.of(new Param("broadcast_dimensions", broadcastDimensions));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (x.rank() != broadcastDimensions.size()) {
            throw new IllegalArgumentException("broadcast_in_dim broadcast_dimensions must have length equal to operand"
                    + " ndim; got broadcast_dimensions " + broadcastDimensions + " for operand ndim " + x.rank() + ".");
        }
        int prev = -1;
        for (int i = 0; i < x.rank(); i++) {
            int d = broadcastDimensions.get(i);
            if (d <= prev || d >= shape.rank()) {
                throw new IllegalArgumentException("broadcast_in_dim broadcast_dimensions must be strictly increasing and"
                        + " in range for the output rank " + shape.rank() + "; got " + broadcastDimensions + ".");
            }
            prev = d;
            int od = x.shape().dim(i);
            if (od != 1 && od != shape.dim(d)) {
                throw new IllegalArgumentException("broadcast_in_dim operand dimension sizes must either be 1, or be equal"
                        + " to their corresponding dimensions in the target broadcast shape; got operand of shape "
                        + x.shape() + ", target broadcast shape " + shape + ", broadcast_dimensions " + broadcastDimensions);
            }
        }
        return List.of(x.withShape(shape));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] od = shape.dims();
        int[] xd = x.type().shape().dims();
        int[] xs = x.type().shape().strides();
        int[] idx = new int[od.length];
        return List.of(IndexMaps.gather(x, out.getFirst(), i -> {
            IndexMaps.unravel(i, od, idx);
            int src = 0;
            for (int k = 0; k < xd.length; k++) {
                if (xd[k] != 1) src += idx[broadcastDimensions.get(k)] * xs[k];
            }
            return src;
        }));
    }

    /** The output dims that are new (not fed by an operand dimension). */
    public List<Integer> newDimensions() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < shape.rank(); i++) if (!broadcastDimensions.contains(i)) out.add(i);
        return out;
    }

    /** The batch axis goes first; the operand's dims shift by one. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array x = BatchRules.moveAxis(args.getFirst(), dims.get(0), 0);
        int[] bd = new int[broadcastDimensions.size() + 1];
        for (int i = 0; i < broadcastDimensions.size(); i++) bd[i + 1] = broadcastDimensions.get(i) + 1;
        return Batched.of(Lax.broadcastInDim(x, BatchRules.insert(shape.dims(), 0, x.shape()[0]), bd), 0);
    }

    /** Operand dimension k reads output index {@code broadcastDimensions[k]}, or 0 where it has size 1. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] xd = in.getFirst().shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(xd.length);
            for (int k = 0; k < xd.length; k++) src.add(xd[k] == 1 ? Ix.of(0) : idx.get(broadcastDimensions.get(k)));
            return x.read(0, src);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        ArrayType x = operands.getFirst().type();
        java.util.List<Integer> unit = new java.util.ArrayList<>();
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            if (x.shape().dim(i) == 1) unit.add(i);
            else kept.add(broadcastDimensions.get(i));
        }
        java.util.List<Integer> axes = new java.util.ArrayList<>();
        for (int i = 0; i < shape.rank(); i++) if (!kept.contains(i)) axes.add(i);
        Array ct = cts.getFirst();
        Array summed = axes.isEmpty() ? ct : Lax.reduceSum(ct, axes.stream().mapToInt(Integer::intValue).toArray());
        return List.of(Tangents.expandDims(summed, unit.stream().mapToInt(Integer::intValue).toArray()));
    }
}
