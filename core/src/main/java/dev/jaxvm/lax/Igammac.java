package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code igammac}: the upper regularized incomplete gamma function {@code Q(a, x) = 1 - P(a, x)}
 * elementwise, of two float operands of one dtype (lax broadcasting), as JAX's {@code lax.igammac};
 * see {@link IgammaEval}. Differentiable in both operands (the negated rules of {@code igamma}).
 *
 * {@snippet :
 * Array q = LaxSpecial.igammac(a, x);   // scipy.special.gammaincc(a, x)
 * }
 */
public record Igammac() implements SpecialBinary, Differentiable {
    @Override
    public String name() { return "igammac"; }

    @Override
    public double apply(double a, double x, boolean f32) { return IgammaEval.igammac(a, x, f32); }

    /** JAX's rule: {@code -igamma_grad_a(a, x)} in {@code a}, {@code -exp(-x + (a - 1) log x - lgamma(a))} in {@code x}. */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array ans = Trace.bind1(this, primals.get(0), primals.get(1));
        Array t = Igamma.tangent(primals, tangents);
        return Jvp.of(ans, Tangents.maybeBroadcast(ans.type().shape(), t == null ? null : Lax.neg(t)));
    }
}
