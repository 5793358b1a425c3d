package dev.jaxvm.transform;

import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn1;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.ScatterDimensionNumbers;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Second-order forward and reverse checks of the structural primitives (JAX's
 * {@code lax_autodiff_test} testSliceGrad, testPadGrad, testGatherGrad, ...; API_BEHAVIOURS C14),
 * and Jacobians / Hessians of linear and quadratic maps against closed forms (C1, C2).
 */
@ExtendWith(EnableX64.class)
class StructuralGradsTest {
    private static final Random RNG = new Random(3);

    private static Array rand(int... shape) {
        double[] d = new double[ArrayType.of(DType.FLOAT64, shape).size()];
        for (int i = 0; i < d.length; i++) d[i] = RNG.nextGaussian();
        return DenseArray.of(ArrayType.of(DType.FLOAT64, shape), d);
    }

    private static Array c(double v) { return DenseArray.scalar(DType.FLOAT64, false, v); }

    private static void check(Fn1 f, Array x) {
        Jax.checkGrads(xs -> Jnp.sum(Lax.sin(f.apply((Array) xs[0]))), new Array[] {x}, 2, "fwd", "rev");
    }

    @Test
    void movementPrimitives() {
        Array x = rand(4, 5);
        check(v -> Lax.slice(v, new int[] {1, 0}, new int[] {3, 5}, new int[] {1, 2}), x);
        check(v -> Lax.pad(v, c(0.5), new int[][] {{1, -1, 1}, {0, 2, 0}}), x);
        check(v -> Lax.concatenate(List.of(v, Lax.mul(v, v)), 1), x);
        check(v -> Lax.transpose(v, 1, 0), x);
        check(v -> Lax.reshape(v, 10, 2), x);
        check(v -> Lax.broadcastInDim(v, new int[] {3, 4, 5}, 1, 2), x);
        check(v -> Lax.rev(v, 0), x);
        check(v -> Lax.select(Lax.gt(v, c(0)), v, Lax.mul(v, v)), x);
    }

    @Test
    void indexingPrimitives() {
        Array x = rand(5, 3);
        Array starts0 = DenseArray.scalarLong(DType.INT32, false, 1), starts1 = DenseArray.scalarLong(DType.INT32, false, 1);
        check(v -> Lax.dynamicSlice(v, List.of(starts0, starts1), 2, 2), x);
        check(v -> Lax.dynamicUpdateSlice(v, Lax.mul(Lax.slice(v, new int[] {0, 0}, new int[] {2, 2}, null),
                c(3)), List.of(starts0, starts1)), x);
        Array idx = DenseArray.of(ArrayType.of(DType.INT32, 4, 1), new int[] {4, 0, 2, 0});
        check(v -> Lax.gather(v, idx, new GatherDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0)), 1, 3), x);
        Array upd = rand(4, 3);
        check(v -> Lax.scatterAdd(v, idx, Lax.mul(upd, Lax.slice(v, new int[] {0, 0}, new int[] {4, 3}, null)),
                new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0))), x);
    }

    @Test
    void dotGeneral() {
        Array y = rand(2, 4, 5);
        check(v -> Lax.dotGeneral(v, y, DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0})),
                rand(2, 3, 4));
        check(v -> Lax.dotGeneral(v, v, DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[] {}, new int[] {})),
                rand(4, 3));
    }

    @Test
    void jacobianAndHessianOfMatrixMaps() {   // C1, C2
        Array a = rand(4, 3), x = rand(3);
        Fn1 lin = v -> Jnp.matmul(a, v);
        assertArrayEquals(a.toDoubleArray(), Jax.jacfwd(lin).apply(x).toDoubleArray(), 1e-12);
        assertArrayEquals(a.toDoubleArray(), Jax.jacrev(lin).apply(x).toDoubleArray(), 1e-12);
        Array sq = rand(3, 3);
        Fn1 quad = v -> Jnp.dot(v, Jnp.matmul(sq, v));
        double[] h = Jax.hessian(quad).apply(x).toDoubleArray();
        double[] s = sq.toDoubleArray();
        double[] want = new double[9];
        for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) want[3 * i + k] = s[3 * i + k] + s[3 * k + i];
        assertArrayEquals(want, h, 1e-12);
    }
}
