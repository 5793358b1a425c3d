package dev.jaxvm.core;

import dev.jaxvm.DType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * NumPy's Dragon4 float text for array printing: the shortest decimal that round-trips in the
 * value's own dtype ("unique" mode), in positional or scientific form, cut off at a precision.
 */
final class FloatDigits {
    private FloatDigits() {}

    /** The shortest decimal that reads back as {@code v} in dtype {@code t} (f16, f32 or f64). */
    static BigDecimal shortest(DType t, double v) {
        return switch (t) {
            case FLOAT32 -> new BigDecimal(Float.toString((float) v));
            case FLOAT64 -> new BigDecimal(Double.toString(v));
            case FLOAT16 -> shortestHalf(v);
            case BFLOAT16, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 ->
                    throw new IllegalArgumentException("no Dragon4 digits for " + t);
        };
    }

    private static BigDecimal shortestHalf(double v) {
        short bits = Float.floatToFloat16((float) v);
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 8; p++) {
            BigDecimal c = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Float.floatToFloat16(c.floatValue()) == bits) return c;
        }
        return exact;
    }

    /**
     * Positional text with at most {@code precision} fractional digits, trailing zeros trimmed but the
     * point kept ({@code "1."}, {@code "-0."}, {@code "0.25"}).
     */
    static String positional(DType t, double v, int precision) {
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        double a = Math.abs(v);
        BigDecimal d = a == 0 ? BigDecimal.ZERO : shortest(t, a);
        if (d.scale() > precision) d = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN);
        d = d.stripTrailingZeros();
        String s = d.scale() <= 0 ? d.setScale(0).toPlainString() + "." : d.toPlainString();
        return (neg ? "-" : "") + s;
    }

    /**
     * Scientific text: mantissa digits of the shortest repr (cut to {@code precision} fractional
     * digits), then zero-padded to {@code minDigits} fractional digits, exponent of at least
     * {@code expDigits} digits: {@code 1.5e+00}, {@code 1.e-05}.
     */
    static String scientific(DType t, double v, int precision, int minDigits, int expDigits) {
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        if (v == 0) return (neg ? "-" : "") + "0." + "0".repeat(minDigits) + "e+" + "0".repeat(Math.max(2, expDigits));
        BigDecimal d = shortest(t, Math.abs(v)).stripTrailingZeros();
        if (d.precision() > precision + 1) {
            d = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
        if (d.precision() - 1 < minDigits) {
            // Dragon4 pads to min_digits with further exact digits of the value, not with zeros.
            d = new BigDecimal(Math.abs(v)).round(new MathContext(minDigits + 1, RoundingMode.HALF_EVEN));
            if (d.precision() > minDigits + 1) d = d.stripTrailingZeros();
        }
        int exp = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().toString();
        String frac = digits.substring(1);
        if (frac.length() < minDigits) frac = frac + "0".repeat(minDigits - frac.length());
        String e = Integer.toString(Math.abs(exp));
        int width = Math.max(2, expDigits);
        if (e.length() < width) e = "0".repeat(width - e.length()) + e;
        return (neg ? "-" : "") + digits.charAt(0) + "." + frac + "e" + (exp < 0 ? "-" : "+") + e;
    }

    /** C's {@code %g} with 6 significant digits, as ml_dtypes prints bfloat16 values. */
    static String general6(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exp = d.precision() - d.scale() - 1;
        d = d.stripTrailingZeros();
        if (exp < -4 || exp >= 6) {
            String digits = d.unscaledValue().abs().toString();
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            if (e.length() < 2) e = "0" + e;
            return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + e;
        }
        return d.scale() <= 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
