package dev.jaxvm.core;

/**
 * Double-precision special functions for the reference evaluator: {@code erf}, {@code erfc},
 * {@code erf_inv}, {@code lgamma} and {@code digamma}, accurate to a few ulps of double, so that
 * rounding the result to a narrower float gives the correctly rounded value almost always.
 */
final class SpecialMath {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private SpecialMath() {}

    /** The error function. */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        if (a < 2.5) return Math.copySign(erfSeries(a), x);
        return Math.copySign(1 - erfcFraction(a), x);
    }

    /** The complementary error function {@code 1 - erf(x)}, without cancellation for large x. */
    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0.5) return 1 - erf(x);
        if (x < 2.5) return 1 - erfSeries(x);
        return erfcFraction(x);
    }

    // erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1)): positive terms, no cancellation.
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    // Continued fraction erfc(x) = exp(-x^2)/sqrt(pi) / (x + 1/2/(x + 1/(x + 3/2/(x + ...)))), Lentz's method.
    private static double erfcFraction(double x) {
        if (x > 27) return 0;
        double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n * 0.5;
            d = x + an * d;
            d = d == 0 ? tiny : 1 / d;
            c = x + an / c;
            if (c == 0) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return Math.exp(-x * x) / (1.7724538509055159 * f);
    }

    /** The inverse error function: NaN outside [-1, 1], infinite at ±1. */
    static double erfInv(double y) {
        if (Double.isNaN(y) || y < -1 || y > 1) return Double.NaN;
        if (y == 1) return Double.POSITIVE_INFINITY;
        if (y == -1) return Double.NEGATIVE_INFINITY;
        if (y == 0) return y;
        // Giles' single-precision approximation as the start, then Newton steps on erf or erfc.
        double w = -Math.log((1 - y) * (1 + y));
        double p;
        if (w < 5) {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        double x = p * y;
        double a = Math.abs(y);
        for (int i = 0; i < 4; i++) {
            double ax = Math.abs(x);
            double deriv = TWO_OVER_SQRT_PI * Math.exp(-ax * ax);
            if (deriv == 0) break;
            // Near |y| = 1 use erfc to keep the residual accurate.
            double residual = a > 0.5 ? (1 - a) - erfc(ax) : erf(ax) - a;
            double step = residual / deriv; // f = erf(x) - a, or (1 - a) - erfc(x): both have slope deriv
            ax -= step;
            x = Math.copySign(ax, y);
        }
        return x;
    }

    /** The log of the absolute value of the gamma function; +inf at the poles (non-positive integers). */
    static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        if (x <= 0 && x == Math.rint(x)) return Double.POSITIVE_INFINITY;
        if (x == 1 || x == 2) return 0;
        if (x < 0.5) {
            double s = Math.sin(Math.PI * x);
            return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
        }
        if (x > 1e17) return x * (Math.log(x) - 1);
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
        return 0.9189385332046728 + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** The digamma function (derivative of lgamma); NaN at non-positive integers, as XLA. */
    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) return Double.NaN;
        if (x == Double.POSITIVE_INFINITY) return x;
        if (x <= 0 && x == Math.rint(x)) return Double.NaN;
        double result = 0;
        if (x < 0.5) {
            // Reflection: psi(1 - x) - psi(x) = pi / tan(pi x).
            result -= Math.PI / Math.tan(Math.PI * x);
            x = 1 - x;
        }
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12.0))))));
        return result + Math.log(x) - 0.5 * inv - series;
    }
}
