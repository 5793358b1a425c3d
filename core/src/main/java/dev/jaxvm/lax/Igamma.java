package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code igamma}: the lower regularized incomplete gamma function {@code P(a, x)} elementwise, of two
 * float operands of one dtype (lax broadcasting), as JAX's {@code lax.igamma} (series below
 * {@code x = max(1, a)}, continued fraction above; see {@link IgammaEval}); NaN outside its domain.
 * Differentiable in both operands, through {@code igamma_grad_a} in {@code a}.
 *
 * {@snippet :
 * Array p = LaxSpecial.igamma(a, x);   // scipy.special.gammainc(a, x)
 * }
 */
public record Igamma() implements SpecialBinary, Differentiable {
    @Override
    public String name() { return "igamma"; }

    @Override
    public double apply(double a, double x, boolean f32) { return IgammaEval.igamma(a, x, f32); }

    /** JAX's rule: {@code igamma_grad_a(a, x)} in {@code a}, {@code exp(-x + (a - 1) log x - lgamma(a))} in {@code x}. */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array ans = Trace.bind1(this, primals.get(0), primals.get(1));
        return Jvp.of(ans, Tangents.maybeBroadcast(ans.type().shape(), tangent(primals, tangents)));
    }

    /** The tangent of {@code igamma} (null when both tangents are zero); {@code igammac}'s is its negation. */
    static Array tangent(List<Array> primals, List<Array> tangents) {
        Array a = primals.get(0), x = primals.get(1);
        Array t = null;
        if (tangents.get(0) != null) t = Lax.mul(tangents.get(0), LaxSpecial.igammaGradA(a, x));
        if (tangents.get(1) != null) {
            Array density = Lax.exp(Lax.sub(Lax.mul(Lax.sub(a, Tangents.scalarLike(a, 1)), Lax.log(x)),
                    Lax.add(x, Lax.lgamma(a))));
            t = Tangents.add(t, Lax.mul(tangents.get(1), density));
        }
        return t;
    }
}
