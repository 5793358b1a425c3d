package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Primitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A primitive with a JVP rule (forward-mode derivative), as registered in JAX's
 * {@code ad.primitive_jvps}. Tangents are symbolic zeros when {@code null}: a rule receives
 * {@code null} for each operand whose tangent is known to be zero and returns {@code null} for each
 * output whose tangent is zero, so that no work is done for them.
 *
 * <p>Rules run under the JVP interpreter's parent: the primals and tangents they receive are values
 * of the enclosing computation (concrete arrays, or tracers of an outer transformation), and they
 * build their results with {@link Lax}. Most primitives get their rule from a characteristic
 * interface ({@link Linear}, {@link Bilinear}, {@link Partials}, {@link ZeroDerivative}).
 *
 * {@snippet :
 * Differentiable.Jvp j = new Sin().jvp(List.of(x), List.of(t));   // (sin x, t * cos x)
 * }
 */
public interface Differentiable extends Primitive {

    /**
     * The primal outputs of this primitive applied to {@code primals}, and their tangents given the
     * operands' tangents ({@code null} entries are symbolic zeros; at least one is non-null).
     */
    Jvp jvp(List<Array> primals, List<Array> tangents);

    /**
     * The result of a JVP rule.
     *
     * @param primalsOut the primal outputs
     * @param tangentsOut one tangent per output, {@code null} for a symbolic zero
     */
    record Jvp(List<Array> primalsOut, List<Array> tangentsOut) {
        public Jvp {
            primalsOut = List.copyOf(primalsOut);
            tangentsOut = Collections.unmodifiableList(new ArrayList<>(tangentsOut));
            if (primalsOut.size() != tangentsOut.size()) {
                throw new IllegalArgumentException(primalsOut.size() + " primals but " + tangentsOut.size() + " tangents");
            }
        }

        /** A single-output result; {@code tangent} may be {@code null} (zero). */
        public static Jvp of(Array primal, Array tangent) {
            return new Jvp(List.of(primal), Collections.singletonList(tangent));
        }
    }
}
