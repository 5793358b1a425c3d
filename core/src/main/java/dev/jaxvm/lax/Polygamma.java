package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * {@code polygamma}: the elementwise polygamma function {@code psi^(m)(x)} of two float operands of
 * one dtype (lax broadcasting), as JAX's {@code lax.polygamma}: digamma for {@code m = 0},
 * {@code (-1)^(m+1) m! zeta(m+1, x)} for integer {@code m >= 1}, NaN for other orders. Computed in
 * double precision and rounded to the operand dtype. Its JVP is {@code g * polygamma(m + 1, x)} in
 * {@code x}; JAX defines none in {@code m}, and neither does this rule.
 *
 * {@snippet :
 * Array trigamma = LaxSpecial.polygamma(Jnp.array(1.0f), x);   // d digamma(x) / dx
 * }
 */
public record Polygamma() implements SpecialBinary, Differentiable {
    @Override
    public String name() { return "polygamma"; }

    @Override
    public double apply(double a, double x, boolean f32) { return SpecialZeta.polygamma(a, x); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        if (tangents.get(0) != null) throw new IllegalArgumentException("polygamma gradient with respect to m is not supported");
        Array m = primals.get(0);
        Array x = primals.get(1);
        Array ans = LaxSpecial.polygamma(m, x);
        Array one = DenseArray.scalar(m.dtype(), false, 1);
        Array t = Lax.mul(tangents.get(1), LaxSpecial.polygamma(Lax.add(m, one), x));
        return Jvp.of(ans, Tangents.maybeBroadcast(ans.type().shape(), t));
    }
}
