package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * The JVP of {@code scatter} (JAX's {@code _scatter_jvp}). With unique indices the tangents are
 * scattered alike. Otherwise which of repeated updates wins is unspecified, so JAX's scheme: scatter
 * a positive id per update, gather the ids back, keep only the operand elements no update wrote and
 * the updates whose id won, and {@code scatter-add} those (values and tangents), which needs no
 * {@code scatter} transpose.
 */
final class ScatterSetJvp {
    private ScatterSetJvp() {}

    static Differentiable.Jvp jvp(Scatter p, List<Array> primals, List<Array> tangents) {
        Array operand = primals.get(0), indices = primals.get(1), updates = primals.get(2);
        Array gOp = tangents.get(0), gUp = tangents.get(2);
        if (p.uniqueIndices()) {
            Array out = Trace.bind1(p, operand, indices, updates);
            if (gOp == null && gUp == null) return Differentiable.Jvp.of(out, null);
            return Differentiable.Jvp.of(out, Trace.bind1(p, orZeros(gOp, operand), indices, orZeros(gUp, updates)));
        }
        ScatterDimensionNumbers dn = p.dimensionNumbers();
        int[] idsShape = updates.shape().clone();
        for (int d : dn.updateWindowDims().values()) idsShape[d] = 1;
        int numIds = 1;
        for (int d : idsShape) numIds *= d;
        DType idType = DType.UINT32;
        Array updateIds = Lax.add(Lax.reshape(Lax.iota(idType, numIds), idsShape),
                DenseArray.of(ArrayType.of(idType, updates.shape()), ones(updates.type().size())));
        Array scatteredIds = Trace.bind1(new Scatter(dn, p.indicesAreSorted(), p.mode(), false, idType),
                DenseArray.zeros(ArrayType.of(idType, operand.shape())), indices, updateIds);
        Array gatheredIds = Scatter.gatherUpdates(dn, scatteredIds, indices, updates.type(), p.indicesAreSorted(), false,
                GatherScatterMode.FILL_OR_DROP);
        Array keepOperand = Lax.eq(scatteredIds, DenseArray.scalarLong(idType, false, 0));
        Array keepUpdate = Lax.eq(updateIds, gatheredIds);
        Array out = scatterAdd(p, mask(keepOperand, operand), indices, mask(keepUpdate, updates));
        if (gOp == null && gUp == null) return Differentiable.Jvp.of(out, null);
        Array t = scatterAdd(p, mask(keepOperand, orZeros(gOp, operand)), indices, mask(keepUpdate, orZeros(gUp, updates)));
        return Differentiable.Jvp.of(out, t);
    }

    private static int[] ones(int n) {
        int[] v = new int[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    private static Array orZeros(Array t, Array primal) { return t != null ? t : Tangents.zeros(Tangents.tangentType(primal.type())); }

    private static Array mask(Array keep, Array x) { return Lax.select(keep, x, Tangents.fullLike(x, 0)); }

    private static Array scatterAdd(Scatter p, Array x, Array indices, Array updates) {
        return Lax.scatter(Lax.ScatterKind.ADD, x, indices, updates, p.dimensionNumbers(), p.indicesAreSorted(), false, p.mode());
    }
}
