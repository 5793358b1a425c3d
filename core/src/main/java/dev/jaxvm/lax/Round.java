package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * {@code round}: rounds floats to integral values; halfway cases go away from zero
 * ({@link #AWAY_FROM_ZERO}, lax's default) or to the nearest even ({@link #TO_NEAREST_EVEN}, what
 * {@code jnp.round} uses). JAX prints the method as its IntEnum value: {@code round[rounding_method=1]}.
 *
 * @param roundingMethod 0 (away from zero) or 1 (to nearest even)
 */
public record Round(int roundingMethod) implements UnaryPrimitive, Elementwise, ZeroDerivative {
    /** {@code lax.RoundingMethod.AWAY_FROM_ZERO}. */
    public static final int AWAY_FROM_ZERO = 0;
    /** {@code lax.RoundingMethod.TO_NEAREST_EVEN}. */
    public static final int TO_NEAREST_EVEN = 1;

    /** @throws IllegalArgumentException if the method is neither 0 nor 1 */
    public Round {
        if (roundingMethod != AWAY_FROM_ZERO && roundingMethod != TO_NEAREST_EVEN) {
            throw new IllegalArgumentException("round: rounding_method must be 0 (AWAY_FROM_ZERO) or 1"
                    + " (TO_NEAREST_EVEN), got " + roundingMethod);
        }
    }

    @Override
    public String name() { return "round"; }

    @Override
    public ScalarOp scalarOp() { return roundingMethod == AWAY_FROM_ZERO ? ScalarOp.ROUND_AWAY : ScalarOp.ROUND_EVEN; }

    @Override
    public boolean accepts(dev.jaxvm.DType t) { return t.isFloating(); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        DTypeRule.FLOATING.check(name(), in);
        return Elementwise.super.abstractEval(in);
    }
}
