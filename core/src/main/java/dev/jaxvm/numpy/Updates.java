package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Lax;
import java.util.List;

/** {@code x.at[idx].op(y)} lowered as jnp's {@code _scatter_update}: the gather plan's scatter twin. */
final class Updates {
    private Updates() {}

    static Array scatter(Array x, List<Object> raw, Object value, Lax.ScatterKind kind, GatherScatterMode mode) {
        Array y = valueArray(x, value);
        Indexer ix = Indexer.parse(raw, x.shape()).expandBoolIndices();
        DType dtype = x.dtype();
        boolean weak = x.weakType();
        GatherPlan p = GatherPlan.of(ix);
        if (IndexLowering.isEmpty(p.sliceShape())) return x;
        dev.jaxvm.core.ArrayType rt = Promotion.resultType(List.of(x.type(), y.type()));
        Array xx = IndexLowering.constAwareConvert(x, rt.dtype(), rt.weakType());
        Array yy = IndexLowering.constAwareConvert(y, rt.dtype(), rt.weakType());
        int[] sliceShape = Linalg.ints(p.sliceShape());
        yy = broadcastUpdate(yy, sliceShape);
        if (!p.newaxisDims().isEmpty()) yy = Lax.squeeze(yy, Linalg.ints(p.newaxisDims()));
        if (!p.reversedYDims().isEmpty()) yy = Lax.rev(yy, Linalg.ints(p.reversedYDims()));
        if (!p.scalarBoolDims().isEmpty()) xx = Jnp.expandDims(xx, Linalg.ints(p.scalarBoolDims()));
        var dn = new dev.jaxvm.lax.ScatterDimensionNumbers(p.dnums().offsetDims(), p.dnums().collapsedSliceDims(),
                p.dnums().startIndexMap());
        Array out = Lax.scatter(kind, xx, p.indices(), yy, dn, p.sortedUnique(), p.sortedUnique(), mode);
        if (!p.scalarBoolDims().isEmpty()) out = Lax.squeeze(out, Linalg.ints(p.scalarBoolDims()));
        return Promote.convert("at", out, dtype, weak);
    }

    /** jnp's conversion of the update value: Java ints that fit an integer x take x's dtype. */
    private static Array valueArray(Array x, Object value) {
        if ((value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)
                && x.dtype().isInteger()) {
            long v = ((Number) value).longValue();
            if (fits(v, x.dtype())) return DenseArray.scalarLong(x.dtype(), false, v);
        }
        return Jnp.asarray(value);
    }

    private static boolean fits(long v, DType t) {
        if (t.bits() == 64) return !t.isUnsigned() || v >= 0;
        if (t.isUnsigned()) return v >= 0 && v < (1L << t.bits());
        return v >= -(1L << (t.bits() - 1)) && v < (1L << (t.bits() - 1));
    }

    /** {@code jnp.broadcast_to(y, slice_shape)} with jnp's error messages. */
    private static Array broadcastUpdate(Array y, int[] shape) {
        if (y.ndim() > shape.length) {
            throw new IllegalArgumentException("at: Cannot broadcast to shape with fewer dimensions: arr_shape="
                    + y.type().shape() + " shape=" + dev.jaxvm.core.Py.tuple(shape));
        }
        int[] ys = y.shape();
        for (int i = 0; i < ys.length; i++) {
            int k = shape.length - ys.length + i;
            if (ys[i] != 1 && ys[i] != shape[k]) {
                throw new IllegalArgumentException("at: Incompatible types for broadcasting: input type="
                        + y.type().toLongString().replace("~", "") + " and requested type=" + y.dtype() + "["
                        + dev.jaxvm.core.Shape.of(shape).toTypeString() + "]");
            }
        }
        return Jnp.broadcastTo(y, shape);
    }

    /** {@code x.at[idx].divide(v)} and {@code .power(v)}: the operation against a scatter-mul of ones. */
    static Array ones(Array x) {
        return Jnp.broadcastTo(Promote.convert("at", 1, x.dtype(), x.weakType()), x.shape());
    }
}
