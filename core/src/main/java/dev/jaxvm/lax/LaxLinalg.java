package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;

/**
 * The linear-algebra primitives beyond {@link Lax}'s {@code cholesky} and {@code qr}, as static
 * functions (JAX's {@code jax.lax.linalg}).
 *
 * {@snippet :
 * Array x = LaxLinalg.triangularSolve(l, b, true, true, false, false, false);   // l x = b, l lower
 * }
 */
public final class LaxLinalg {
    private LaxLinalg() {}

    /**
     * {@code triangular_solve}: {@code x} with {@code op(a) x = b} ({@code leftSide}) or
     * {@code x op(a) = b}, reading the {@code lower} (or upper) triangle of {@code a}; see
     * {@link TriangularSolve}.
     */
    public static Array triangularSolve(Array a, Array b, boolean leftSide, boolean lower, boolean transposeA,
            boolean conjugateA, boolean unitDiagonal) {
        return Trace.bind1(new TriangularSolve(leftSide, lower, transposeA, conjugateA, unitDiagonal), a, b);
    }
}
