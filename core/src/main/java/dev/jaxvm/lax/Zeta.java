package dev.jaxvm.lax;

/**
 * {@code zeta}: the elementwise Hurwitz zeta function {@code zeta(x, q) = sum_k (k + q)^-x} of two
 * float operands of one dtype (lax broadcasting), as JAX's {@code lax.zeta}: Cephes' Euler-Maclaurin
 * summation in double precision, rounded to the operand dtype; infinity at {@code x = 1}, NaN for
 * {@code x < 1}. JAX defines no JVP for it, and neither does jaxvm.
 *
 * {@snippet :
 * Array z = LaxSpecial.zeta(Jnp.array(2.0), Jnp.array(1.0));   // pi^2 / 6
 * }
 */
public record Zeta() implements SpecialBinary {
    @Override
    public String name() { return "zeta"; }

    @Override
    public double apply(double a, double x, boolean f32) { return SpecialZeta.zeta(a, x); }
}
