package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/**
 * JAX's {@code random_gamma_grad_impl} ({@code jax/_src/lax/special.py}) for one element: the
 * derivative of a Gamma(a) sample {@code x} with respect to {@code a} by implicit differentiation of
 * the CDF, {@code -(dP(a, x)/da) / p(a, x)}, with the series or continued fraction of the
 * incomplete gamma function in sample-derivative mode. Every operation is rounded to the dtype
 * ({@code f32}: float32 rounding of each step, exactly as float arithmetic).
 */
final class GammaGradEval {
    private final boolean f32;
    private final double eps;

    GammaGradEval(boolean f32) {
        this.f32 = f32;
        this.eps = f32 ? Math.ulp(1f) : Math.ulp(1.0);
    }

    private double r(double v) { return f32 ? (float) v : v; }

    private double op(ScalarOp op, double v) { return f32 ? op.applyFloat((float) v, 0f) : op.applyDouble(v, 0); }

    double grad(double a, double x) {
        boolean isNan = Double.isNaN(a) || Double.isNaN(x);
        boolean xIsZero = x == 0;
        boolean domainError = x < 0 || a <= 0;
        boolean useIgammac = x > 1 && x > a;
        double ax = r(r(r(a * op(ScalarOp.LOG, x)) - x) - op(ScalarOp.LGAMMA, a));
        double maxLog = op(ScalarOp.LOG, f32 ? Float.MAX_VALUE : Double.MAX_VALUE);
        boolean underflow = ax < -maxLog;
        boolean enabled = !(xIsZero || domainError || underflow || isNan);
        double out = useIgammac ? -continuedFraction(x, a, enabled) : series(x, a, enabled);
        if (xIsZero) out = 0;
        if (domainError || isNan) out = Double.NaN;
        return out;
    }

    private double series(double x, double a, boolean enabled) {
        double rr = a;
        double c = 1;
        double ans = 1;
        double dcDa = 0;
        double dansDa = 0;
        while (enabled) {
            rr = r(rr + 1);
            dcDa = r(r(dcDa * r(x / rr)) - r(r(c * x) / r(rr * rr)));
            dansDa = r(dansDa + dcDa);
            c = r(c * r(x / rr));
            ans = r(ans + c);
            enabled = Math.abs(r(dcDa / dansDa)) > eps;
        }
        double dlogaxDa = r(op(ScalarOp.LOG, x) - op(ScalarOp.DIGAMMA, r(a + 1)));
        return r(r(-r(dansDa + r(ans * dlogaxDa)) * x) / a);
    }

    private double continuedFraction(double x, double a, boolean enabled) {
        double y = r(1 - a);
        double z = r(r(x + y) + 1);
        double c = 0;
        double pkm2 = 1;
        double qkm2 = x;
        double pkm1 = r(x + 1);
        double qkm1 = r(z * x);
        double ans = r(pkm1 / qkm1);
        double dpkm2 = 0;
        double dqkm2 = 0;
        double dpkm1 = 0;
        double dqkm1 = -x;
        double dans = r(r(dpkm1 - r(ans * dqkm1)) / qkm1);
        while (c < 2000 && enabled) {
            c = r(c + 1);
            y = r(y + 1);
            z = r(z + 2);
            double yc = r(y * c);
            double pk = r(r(pkm1 * z) - r(pkm2 * yc));
            double qk = r(r(qkm1 * z) - r(qkm2 * yc));
            boolean nonzero = qk != 0;
            double rr = r(pk / qk);
            if (nonzero) ans = rr;
            double dpk = r(r(r(r(dpkm1 * z) - pkm1) - r(dpkm2 * yc)) + r(pkm2 * c));
            double dqk = r(r(r(r(dqkm1 * z) - qkm1) - r(dqkm2 * yc)) + r(qkm2 * c));
            double dansNew = nonzero ? r(r(dpk - r(ans * dqk)) / qk) : dans;
            double gradCond = nonzero ? Math.abs(r(dansNew - dans)) : 1;
            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            dpkm2 = dpkm1;
            dqkm2 = dqkm1;
            dpkm1 = dpk;
            dqkm1 = dqk;
            if (Math.abs(pk) > r(1 / eps)) {
                pkm2 = r(pkm2 * eps);
                pkm1 = r(pkm1 * eps);
                qkm2 = r(qkm2 * eps);
                qkm1 = r(qkm1 * eps);
                dpkm2 = r(dpkm2 * eps);
                dqkm2 = r(dqkm2 * eps);
                dpkm1 = r(dpkm1 * eps);
                dqkm1 = r(dqkm1 * eps);
            }
            dans = dansNew;
            enabled = gradCond > eps;
        }
        double dlogaxDa = r(op(ScalarOp.LOG, x) - op(ScalarOp.DIGAMMA, a));
        return -r(r(dans + r(ans * dlogaxDa)) * x);
    }
}
