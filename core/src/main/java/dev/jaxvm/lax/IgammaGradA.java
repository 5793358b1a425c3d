package dev.jaxvm.lax;

/**
 * {@code igamma_grad_a}: the derivative {@code dP(a, x)/da} of the lower regularized incomplete
 * gamma function, elementwise, as JAX's {@code lax.igamma_grad_a} (the series and continued
 * fraction of {@link IgammaEval} with the derivative carried along); NaN for {@code a <= 0} or
 * {@code x < 0}. JAX defines no JVP for it, and neither does jaxvm.
 *
 * {@snippet :
 * Array dpda = LaxSpecial.igammaGradA(a, x);
 * }
 */
public record IgammaGradA() implements SpecialBinary {
    @Override
    public String name() { return "igamma_grad_a"; }

    @Override
    public double apply(double a, double x, boolean f32) { return IgammaEval.igammaGradA(a, x, f32); }
}
