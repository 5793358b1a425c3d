package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;

/**
 * The special-function primitives beyond {@link Lax}'s elementwise set, as static functions (JAX's
 * {@code jax._src.lax.special}).
 *
 * {@snippet :
 * Array trigamma = LaxSpecial.polygamma(Jnp.array(1.0), x);   // psi'(x), the derivative of digamma
 * }
 */
public final class LaxSpecial {
    private LaxSpecial() {}

    /** {@code polygamma}: {@code psi^(m)(x)} elementwise; both operands float of one dtype. */
    public static Array polygamma(Array m, Array x) { return Trace.bind1(new Polygamma(), m, x); }

    /** {@code zeta}: the Hurwitz zeta function {@code zeta(x, q)} elementwise; both operands float of one dtype. */
    public static Array zeta(Array x, Array q) { return Trace.bind1(new Zeta(), x, q); }

    /** {@code igamma}: the lower regularized incomplete gamma function {@code P(a, x)} elementwise. */
    public static Array igamma(Array a, Array x) { return Trace.bind1(new Igamma(), a, x); }

    /** {@code igammac}: the upper regularized incomplete gamma function {@code Q(a, x)} elementwise. */
    public static Array igammac(Array a, Array x) { return Trace.bind1(new Igammac(), a, x); }

    /** {@code igamma_grad_a}: {@code dP(a, x)/da} elementwise. */
    public static Array igammaGradA(Array a, Array x) { return Trace.bind1(new IgammaGradA(), a, x); }
}
