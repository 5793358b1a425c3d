package dev.jaxvm.core;

import dev.jaxvm.DType;
import java.util.Collection;
import java.util.StringJoiner;

/** Renders Java values as Python's {@code str()} and {@code repr()} would, for JAX-identical text. */
public final class Py {
    private Py() {}

    /** Python's tuple text of ints: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String tuple(int... xs) {
        if (xs.length == 1) return "(" + xs[0] + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int x : xs) j.add(Integer.toString(x));
        return j.toString();
    }

    /** Python's {@code str()} of a parameter value. */
    public static String str(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> s;
            case int[] a -> tuple(a);
            case Collection<?> c -> tupleOf(c);
            case Double d -> floatStr(d);
            case Float f -> floatStr(f);
            default -> v.toString();
        };
    }

    /** Python's {@code repr()}: as {@link #str} but strings are quoted. */
    public static String repr(Object v) {
        return switch (v) {
            case String s -> "'" + s + "'";
            case DType t -> "dtype('" + t.numpyName() + "')";
            default -> str(v);
        };
    }

    private static String tupleOf(Collection<?> c) {
        if (c.size() == 1) return "(" + repr(c.iterator().next()) + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object o : c) j.add(repr(o));
        return j.toString();
    }

    /** Python's {@code str(float)}: shortest round-trip digits, {@code 1.0}, {@code 1e-05}, {@code inf}. */
    public static String floatStr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        String s = Double.toString(d); // shortest repr digits, Java style: 1.0E-5
        String mant = s;
        int exp = 0;
        int e = s.indexOf('E');
        if (e >= 0) {
            mant = s.substring(0, e);
            exp = Integer.parseInt(s.substring(e + 1));
        }
        boolean neg = mant.startsWith("-");
        if (neg) mant = mant.substring(1);
        int dot = mant.indexOf('.');
        String digits = mant.substring(0, dot) + mant.substring(dot + 1);
        int pointPos = dot + exp; // position of decimal point in digits
        // strip leading zeros
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') { lead++; pointPos--; }
        digits = digits.substring(lead);
        digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) digits = "0";
        int decExp = pointPos - 1; // scientific exponent
        String out;
        if (decExp < -4 || decExp >= 16) {
            String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            out = m + "e" + (decExp < 0 ? "-" : "+") + (Math.abs(decExp) < 10 ? "0" : "") + Math.abs(decExp);
        } else if (pointPos <= 0) {
            out = "0." + "0".repeat(-pointPos) + digits;
        } else if (pointPos >= digits.length()) {
            out = digits + "0".repeat(pointPos - digits.length()) + ".0";
        } else {
            out = digits.substring(0, pointPos) + "." + digits.substring(pointPos);
        }
        return neg ? "-" + out : out;
    }
}
