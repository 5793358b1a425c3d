package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * {@code rev}: reverses the order of elements along {@code dimensions} ({@code jnp.flip}).
 *
 * @param dimensions the reversed axes, non-negative and distinct
 */
public record Rev(Ints dimensions) implements ShapePrimitive {
    @Override
    public String name() { return "rev"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        boolean[] seen = new boolean[x.rank()];
        for (int d : dimensions.values()) {
            if (d < 0 || d >= x.rank() || seen[d]) {
                throw new IllegalArgumentException("rev dimensions must be unique and in range for an operand of rank "
                        + x.rank() + ", got dimensions " + dimensions + " for shape " + x.shape());
            }
            seen[d] = true;
        }
        return List.of(x);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        int[] dims = x.type().shape().dims();
        int[] strides = x.type().shape().strides();
        int[] idx = new int[dims.length];
        return List.of(IndexMaps.gather(x, out.getFirst(), i -> {
            IndexMaps.unravel(i, dims, idx);
            int src = 0;
            for (int k = 0; k < dims.length; k++) {
                int v = dimensions.contains(k) ? dims[k] - 1 - idx[k] : idx[k];
                src += v * strides[k];
            }
            return src;
        }));
    }
}
