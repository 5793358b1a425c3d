package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/**
 * Scalar regularized incomplete gamma functions, ported from JAX's {@code igamma_impl},
 * {@code igammac_impl} and {@code igamma_grad_a_impl} ({@code jax/_src/lax/special.py}, itself
 * XLA's {@code math.cc}): the power series below {@code x = max(1, a)} and the continued fraction
 * above it, each with the derivative in {@code a} carried alongside. Computed in double precision;
 * the underflow cut uses the result dtype's largest value, as JAX.
 */
final class IgammaEval {
    private IgammaEval() {}

    private static final double EPS = Math.ulp(1.0);

    private static double lgamma(double a) { return ScalarOp.LGAMMA.applyDouble(a, 0); }

    private static double digamma(double a) { return ScalarOp.DIGAMMA.applyDouble(a, 0); }

    private static double maxLog(boolean f32) { return Math.log(f32 ? Float.MAX_VALUE : Double.MAX_VALUE); }

    /** {@code P(a, x)}, the lower regularized incomplete gamma function. */
    static double igamma(double a, double x, boolean f32) {
        boolean nan = Double.isNaN(a) || Double.isNaN(x);
        boolean domainError = x < 0 || a < 0 || (a == 0 && x == 0) || nan;
        if (domainError) return Double.NaN;
        if (x == 0) return 0;
        if (x == Double.POSITIVE_INFINITY) return 1;
        double logAx = a * Math.log(x) - x - lgamma(a);
        boolean useIgammac = x >= 1 && x > a;
        boolean enabled = !(logAx < -maxLog(f32));
        double ax = Math.exp(logAx);
        return useIgammac ? 1 - continuedFraction(ax, x, a, enabled, false) : series(ax, x, a, enabled, false);
    }

    /** {@code Q(a, x) = 1 - P(a, x)}, the upper regularized incomplete gamma function. */
    static double igammac(double a, double x, boolean f32) {
        boolean nan = Double.isNaN(a) || Double.isNaN(x);
        boolean domainError = x < 0 || a < 0 || (a == 0 && x == 0) || nan;
        if (domainError) return Double.NaN;
        if (x == Double.POSITIVE_INFINITY || a == 0) return 0;
        double logAx = a * Math.log(x) - x - lgamma(a);
        boolean useIgamma = x < 1 || x < a;
        boolean enabled = !(logAx < -maxLog(f32));
        double ax = Math.exp(logAx);
        return useIgamma ? 1 - series(ax, x, a, enabled, false) : continuedFraction(ax, x, a, enabled, false);
    }

    /** {@code dP(a, x) / da}. */
    static double igammaGradA(double a, double x, boolean f32) {
        boolean nan = Double.isNaN(a) || Double.isNaN(x);
        if (x < 0 || a <= 0 || nan) return Double.NaN;
        if (x == 0) return 0;
        double logAx = a * Math.log(x) - x - lgamma(a);
        boolean useIgammac = x > 1 && x > a;
        boolean enabled = !(logAx < -maxLog(f32));
        double ax = Math.exp(logAx);
        return useIgammac ? -continuedFraction(ax, x, a, enabled, true) : series(ax, x, a, enabled, true);
    }

    private static double series(double ax, double x, double a, boolean enabled, boolean derivative) {
        double r = a, c = 1, ans = 1, dc = 0, dans = 0;
        while (enabled) {
            r += 1;
            dc = dc * (x / r) - (c * x) / (r * r);
            dans += dc;
            c *= x / r;
            ans += c;
            enabled = derivative ? Math.abs(dc / dans) > EPS : c / ans > EPS;
        }
        if (!derivative) return ans * ax / a;
        double dlogAx = Math.log(x) - digamma(a + 1);
        return ax * (ans * dlogAx + dans) / a;
    }

    private static double continuedFraction(double ax, double x, double a, boolean enabled, boolean derivative) {
        double y = 1 - a, z = x + y + 1, c = 0;
        double pkm2 = 1, qkm2 = x, pkm1 = x + 1, qkm1 = z * x;
        double ans = pkm1 / qkm1;
        double dpkm2 = 0, dqkm2 = 0, dpkm1 = 0, dqkm1 = -x;
        double dans = (dpkm1 - ans * dqkm1) / qkm1;
        while (c < 2000 && enabled) {
            c += 1;
            y += 1;
            z += 2;
            double yc = y * c;
            double pk = pkm1 * z - pkm2 * yc;
            double qk = qkm1 * z - qkm2 * yc;
            boolean nonzero = qk != 0;
            double rr = pk / qk;
            double t = nonzero ? Math.abs((ans - rr) / rr) : 1;
            ans = nonzero ? rr : ans;
            double dpk = dpkm1 * z - pkm1 - dpkm2 * yc + pkm2 * c;
            double dqk = dqkm1 * z - qkm1 - dqkm2 * yc + qkm2 * c;
            double dansNew = nonzero ? (dpk - ans * dqk) / qk : dans;
            double gradCond = nonzero ? Math.abs(dansNew - dans) : 1;
            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            dpkm2 = dpkm1;
            dqkm2 = dqkm1;
            dpkm1 = dpk;
            dqkm1 = dqk;
            if (Math.abs(pk) > 1 / EPS) {
                pkm2 *= EPS;
                pkm1 *= EPS;
                qkm2 *= EPS;
                qkm1 *= EPS;
                dpkm2 *= EPS;
                dqkm2 *= EPS;
                dpkm1 *= EPS;
                dqkm1 *= EPS;
            }
            dans = dansNew;
            enabled = derivative ? gradCond > EPS : t > EPS;
        }
        if (!derivative) return ans * ax;
        double dlogAx = Math.log(x) - digamma(a);
        return ax * (ans * dlogAx + dans);
    }
}
