package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/**
 * Scalar Hurwitz zeta and polygamma in double precision: the Euler-Maclaurin summation of Cephes'
 * {@code zeta(x, q)} (the algorithm XLA's {@code chlo.zeta} and SciPy use), and
 * {@code polygamma(m, x) = (-1)^(m+1) m! zeta(m+1, x)} for integer {@code m >= 1} (digamma for
 * {@code m = 0}, NaN for a negative or non-integer order, as {@code chlo.polygamma}).
 */
final class SpecialZeta {
    private SpecialZeta() {}

    /** Euler-Maclaurin coefficients (2k)! / B_2k of Cephes' zeta.c. */
    private static final double[] A = {12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
        7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
        1.8152105401943546773e17, -7.1661652561756670113e18};

    private static final double MACHEP = 1.11022302462515654042e-16;

    /** The Hurwitz zeta function {@code sum_k (k + q)^-x}, for {@code x > 1}. */
    static double zeta(double x, double q) {
        if (Double.isNaN(x) || Double.isNaN(q)) return Double.NaN;
        if (x == 1) return Double.POSITIVE_INFINITY;
        if (x < 1) return Double.NaN;
        if (q <= 0) {
            if (q == Math.floor(q)) return Double.POSITIVE_INFINITY;
            if (x != Math.floor(x)) return Double.NaN;   // q^-x is not real
        }
        double s = Math.pow(q, -x);
        double a = q;
        double b = 0;
        int i = 0;
        while (i < 9 || a <= 9.0) {
            i++;
            a += 1.0;
            b = Math.pow(a, -x);
            s += b;
            if (Math.abs(b / s) < MACHEP) return s;
        }
        double w = a;
        s += b * w / (x - 1);
        s -= 0.5 * b;
        double f = 1.0;
        double k = 0.0;
        for (i = 0; i < A.length; i++) {
            f *= x + k;
            b /= w;
            double t = f * b / A[i];
            s += t;
            if (Math.abs(t / s) < MACHEP) return s;
            k += 1.0;
            f *= x + k;
            b /= w;
            k += 1.0;
        }
        return s;
    }

    /** The polygamma function of order {@code m}. */
    static double polygamma(double m, double x) {
        if (Double.isNaN(m) || Double.isNaN(x) || m < 0 || m != Math.floor(m)) return Double.NaN;
        if (m == 0) return ScalarOp.DIGAMMA.applyDouble(x, 0);
        double factorial = 1;
        for (int i = 2; i <= m; i++) factorial *= i;
        double sign = ((long) m % 2 == 1) ? 1 : -1;    // (-1)^(m+1)
        return sign * factorial * zeta(m + 1, x);
    }
}
