package dev.jaxvm.core;

/**
 * float64 special functions as XLA computes them ({@code erf_inv}: Giles' double-precision
 * approximation with FMA Horner steps and the rational {@code log1p}; SPEC section 9.6), and an
 * accurate double {@code erf}. The large {@code log1p} branch uses {@link StrictMath#log}, which
 * agrees with glibc's {@code log} except in rare last-bit cases.
 */
public final class XlaFloat64 {
    private XlaFloat64() {}

    private static final double[] EI_A = {
            -3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18,
            1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17,
            6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14,
            2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
            1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08,
            4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05,
            0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533,
            0.24015818242558961693, 1.6536545626831027356};
    private static final double[] EI_B = {
            2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07,
            1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06,
            2.9234449089955446044e-06, 1.2475304481671778723e-05, -4.7318229009055733981e-05,
            6.8284851459573175448e-05, 2.4031110387097893999e-05, -0.0003550375203628474796,
            0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066,
            -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334, 3.0838856104922207635};
    private static final double[] EI_C = {
            -2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09,
            -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08,
            2.9147953450901080826e-08, -6.7711997758452339498e-08, 2.2900482228026654717e-07,
            -9.9298272942317002539e-07, 4.5260625972231537039e-06, -1.9681778105531670567e-05,
            7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026,
            1.0103004648645343977, 4.8499064014085844221};
    private static final double[] LOG1P_NUM = {4.5270000862445199635215E-5, 4.9854102823193375972212E-1,
            6.5787325942061044846969E0, 2.9911919328553073277375E1, 6.0949667980987787057556E1,
            5.7112963590585538103336E1, 2.0039553499201281259648E1};
    private static final double[] LOG1P_DEN = {1., 1.5062909083469192043167E1, 8.3047565967967209469434E1,
            2.2176239823732856465394E2, 3.0909872225312059774938E2, 2.1642788614495947685003E2,
            6.0118660497603843919306E1};

    /** XLA:CPU's float64 {@code log1p}. */
    public static double log1p(double x) {
        if (!(Math.abs(x) < 0.41421356237309504880)) {
            double y = x + 1.0;
            return y > 0 ? StrictMath.log(y) : (y == 0 ? Double.NEGATIVE_INFINITY : Double.NaN);
        }
        double x2 = x * x;
        double den = 0;
        for (double c : LOG1P_DEN) den = Math.fma(den, x, c);
        double num = 0;
        for (double c : LOG1P_NUM) num = Math.fma(num, x, c);
        double r = num / den;
        return x + Math.fma(x2, -0.5, (x * x2) * r);
    }

    /** XLA's float64 {@code erf_inv}. */
    public static double erfInv(double x) {
        double w = -log1p(x * -x);
        double t;
        double[] c;
        if (w < 6.25) {
            t = w - 3.125;
            c = EI_A;
        } else if (w < 16.0) {
            t = Math.sqrt(w) - 3.25;
            c = EI_B;
        } else {
            t = Math.sqrt(w) - 5.0;
            c = EI_C;
        }
        double p = c[0];
        for (int i = 1; i < c.length; i++) p = Math.fma(p, t, c[i]);
        return Math.abs(x) == 1.0 ? x * Double.POSITIVE_INFINITY : p * x;
    }

    /** The error function to double precision: Taylor series near 0, a continued fraction for erfc beyond. */
    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax < 2.5) {
            double sum = 0;
            double term = ax;
            double x2 = ax * ax;
            for (int n = 0; n < 200; n++) {
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
                term *= -x2 / (n + 1);
            }
            return Math.copySign(sum * 2 / Math.sqrt(Math.PI), x);
        }
        if (ax > 6) return Math.copySign(1.0, x);
        // erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), Lentz's method
        double tiny = 1e-300;
        double f = ax;
        double cc = ax;
        double d = 0;
        for (int k = 1; k < 300; k++) {
            double a = k * 0.5;
            d = ax + a * d;
            d = d == 0 ? tiny : d;
            cc = ax + a / cc;
            cc = cc == 0 ? tiny : cc;
            d = 1 / d;
            double delta = cc * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        return Math.copySign(1 - erfc, x);
    }
}
