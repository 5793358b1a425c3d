package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * The JVP of {@code scatter-min} and {@code scatter-max} (JAX's {@code _scatter_extremal_jvp}): the
 * output tangent at each written location is the average of the tangents of the values that tie
 * for the extremum there (the operand's own value included when it is retained).
 */
final class ScatterExtremalJvp {
    private ScatterExtremalJvp() {}

    static Differentiable.Jvp jvp(Primitive scatter, ScatterDimensionNumbers dn, boolean sorted, boolean unique,
            GatherScatterMode mode, List<Array> primals, List<Array> tangents) {
        Array operand = primals.get(0), indices = primals.get(1), updates = primals.get(2);
        Array out = Trace.bind1(scatter, operand, indices, updates);
        Array gOp = tangents.get(0), gUp = tangents.get(2);
        if (gOp == null && gUp == null) return Differentiable.Jvp.of(out, null);
        gOp = gOp != null ? gOp : Tangents.zeros(Tangents.tangentType(operand.type()));
        gUp = gUp != null ? gUp : Tangents.zeros(Tangents.tangentType(updates.type()));
        GatherDimensionNumbers gd = new GatherDimensionNumbers(dn.updateWindowDims(), dn.insertedWindowDims(),
                dn.scatterDimsToOperandDims(), dn.operandBatchingDims(), dn.scatterIndicesBatchingDims());
        int[] us = updates.shape();
        int[] sizes = new int[operand.ndim()];
        for (int i = 0, pos = 0; i < sizes.length; i++) {
            boolean inserted = dn.insertedWindowDims().contains(i) || dn.operandBatchingDims().contains(i);
            sizes[i] = inserted ? 1 : us[dn.updateWindowDims().get(pos++)];
        }
        Array initial = Lax.gather(operand, indices, gd, sizes);
        Array target = Lax.gather(out, indices, gd, sizes);
        Array successful = Lax.eq(updates, target);
        Array retained = Lax.eq(initial, target);
        Array zerosOp = Tangents.fullLike(operand, 0);
        Array ones = Tangents.fullLike(updates, 1), zeros = Tangents.fullLike(updates, 0);
        Array numUpdates = Lax.gather(Lax.scatterAdd(zerosOp, indices, Lax.select(successful, ones, zeros), dn), indices, gd,
                sizes);
        Array numRefs = Lax.gather(Lax.scatterAdd(zerosOp, indices, ones, dn), indices, gd, sizes);
        Array one = Tangents.scalarLike(numUpdates, 1);
        Array plusOne = Lax.div(one, Lax.add(numUpdates, one));
        Array updatesNormalizer = Lax.select(retained, plusOne, Lax.div(one, numUpdates));
        Array updatesCoef = Lax.select(successful, updatesNormalizer, zeros);
        Array operandNormalizer = Lax.select(retained, plusOne, Tangents.fullLike(numUpdates, 0));
        Array operandCoef = Lax.div(Lax.add(Tangents.scalarLike(numUpdates, -1), operandNormalizer), numRefs);
        Array targetTangents = Lax.gather(gOp, indices, gd, sizes);
        Array tangentUpdates = Lax.add(Lax.mul(targetTangents, operandCoef), Lax.mul(gUp, updatesCoef));
        Array t = Lax.scatter(Lax.ScatterKind.ADD, gOp, indices, tangentUpdates, dn, sorted, unique, mode);
        return Differentiable.Jvp.of(out, t);
    }
}
