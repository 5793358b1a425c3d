package dev.jaxvm.core;

import dev.jaxvm.DType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats arrays as JAX's {@code repr} does, following NumPy's {@code array2string} defaults:
 * precision 8 in "maxprec" mode, values right-aligned to a common width, line width 75, and arrays
 * of more than 1000 elements summarised with {@code ...} (3 edge items).
 */
final class ArrayFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int PRECISION = 8;

    private ArrayFormat() {}

    static String repr(DenseArray a) {
        ArrayType t = a.type();
        String prefix = "Array(";
        String suffix = ", dtype=" + t.dtype().numpyName() + (t.weakType() ? ", weak_type=True" : "") + ")";
        if (t.dtype() == DType.FLOAT0) return prefix + "float0" + suffix;
        boolean summarize = t.size() > THRESHOLD;
        String[] cells = cells(a, summarize);
        int width = 0;
        for (String c : cells) if (c != null) width = Math.max(width, c.length());
        if (t.rank() == 0) return prefix + cells[0] + suffix;
        if (t.size() == 0) return prefix + "[]" + ", shape=" + t.shape() + suffix.substring(0, suffix.length());
        StringBuilder b = new StringBuilder();
        int[] dims = t.shape().dims();
        int[] strides = t.shape().strides();
        format(b, cells, dims, strides, 0, 0, width, " ".repeat(prefix.length() + 1), summarize);
        return prefix + b + suffix;
    }

    private static void format(StringBuilder b, String[] cells, int[] dims, int[] strides, int axis, int offset,
                               int width, String indent, boolean summarize) {
        b.append('[');
        int n = dims[axis];
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        if (axis == dims.length - 1) {
            int lineStart = b.length() - (b.lastIndexOf("\n") + 1);
            int col = indent.length() - 1 + lineStart - lineStart; // column after '['
            col = currentColumn(b);
            for (int i = 0; i < n; i++) {
                if (cut && i == EDGE_ITEMS) {
                    String s = "...,";
                    if (col + 1 + s.length() > LINE_WIDTH) { b.append('\n').append(indent); col = indent.length(); }
                    else if (i > 0) { b.append(' '); col++; }
                    b.append(s);
                    col += s.length();
                    i = n - EDGE_ITEMS - 1;
                    continue;
                }
                String cell = pad(cells[offset + i * strides[axis]], width);
                String piece = cell + (i < n - 1 ? "," : "");
                if (i > 0) {
                    if (col + 1 + piece.length() > LINE_WIDTH - (i == n - 1 ? 1 : 0)) {
                        b.append('\n').append(indent);
                        col = indent.length();
                    } else {
                        b.append(' ');
                        col++;
                    }
                }
                b.append(piece);
                col += piece.length();
            }
        } else {
            String nl = "\n".repeat(dims.length - axis - 1);
            for (int i = 0; i < n; i++) {
                if (cut && i == EDGE_ITEMS) {
                    b.append("...,").append(nl).append(indent);
                    i = n - EDGE_ITEMS - 1;
                    continue;
                }
                format(b, cells, dims, strides, axis + 1, offset + i * strides[axis], width, indent + " ", summarize);
                if (i < n - 1) b.append(',').append(nl).append(indent);
            }
        }
        b.append(']');
    }

    private static int currentColumn(StringBuilder b) {
        return b.length() - (b.lastIndexOf("\n") + 1) + "Array(".length();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** The text of every element that will be shown (null for summarised-away elements). */
    private static String[] cells(DenseArray a, boolean summarize) {
        int n = a.size();
        String[] out = new String[n];
        DType t = a.dtype();
        boolean[] shown = shownMask(a.type().shape(), summarize);
        if (t.isFloating()) return floatCells(a, shown);
        for (int i = 0; i < n; i++) {
            if (!shown[i]) continue;
            out[i] = switch (t) {
                case BOOL, FLOAT0 -> a.getBoolean(i) ? " True" : "False";
                case UINT64 -> Long.toUnsignedString(a.getLong(i));
                case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> Long.toString(a.getLong(i));
                case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 -> throw new AssertionError();
            };
        }
        if (t == DType.BOOL) {
            boolean anyFalse = false;
            for (int i = 0; i < n; i++) if (shown[i] && !a.getBoolean(i)) anyFalse = true;
            if (!anyFalse || n == 1 || a.type().rank() == 0) {
                for (int i = 0; i < n; i++) if (out[i] != null) out[i] = out[i].strip();
            }
        }
        return out;
    }

    private static boolean[] shownMask(Shape shape, boolean summarize) {
        int n = shape.size();
        boolean[] shown = new boolean[n];
        int[] dims = shape.dims();
        int[] idx = new int[dims.length];
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            if (summarize) {
                for (int k = 0; k < dims.length; k++) {
                    if (dims[k] > 2 * EDGE_ITEMS && idx[k] >= EDGE_ITEMS && idx[k] < dims[k] - EDGE_ITEMS) ok = false;
                }
            }
            shown[i] = ok;
            for (int k = dims.length - 1; k >= 0; k--) {
                if (++idx[k] < dims[k]) break;
                idx[k] = 0;
            }
        }
        return shown;
    }

    private static String[] floatCells(DenseArray a, boolean[] shown) {
        int n = a.size();
        boolean f32 = a.dtype() != DType.FLOAT64;
        double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!shown[i]) continue;
            double v = Math.abs(a.getDouble(i));
            if (Double.isFinite(v) && v != 0) {
                maxAbs = Math.max(maxAbs, v);
                minAbs = Math.min(minAbs, v);
            }
        }
        boolean sci = maxAbs >= 1e8 || minAbs < 1e-4 || (minAbs != Double.POSITIVE_INFINITY && maxAbs / minAbs > 1e3);
        String[] out = new String[n];
        int maxFrac = 0;
        String[] ints = new String[n];
        String[] fracs = new String[n];
        for (int i = 0; i < n; i++) {
            if (!shown[i]) continue;
            double v = a.getDouble(i);
            if (!Double.isFinite(v)) {
                out[i] = Double.isNaN(v) ? "nan" : (v > 0 ? "inf" : "-inf");
                continue;
            }
            if (sci) {
                out[i] = sciString(v, f32);
                continue;
            }
            BigDecimal d = shortest(v, f32).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
            String s = d.scale() <= 0 ? d.setScale(0).toPlainString() : d.toPlainString();
            if (v == 0 && 1 / v < 0) s = "-0";
            int dot = s.indexOf('.');
            ints[i] = dot < 0 ? s : s.substring(0, dot);
            fracs[i] = dot < 0 ? "" : s.substring(dot + 1);
            maxFrac = Math.max(maxFrac, fracs[i].length());
        }
        if (!sci) {
            for (int i = 0; i < n; i++) {
                if (out[i] != null || ints[i] == null) continue;
                out[i] = ints[i] + "." + fracs[i] + " ".repeat(maxFrac - fracs[i].length());
            }
        }
        return out;
    }

    private static BigDecimal shortest(double v, boolean f32) {
        return new BigDecimal(f32 ? Float.toString((float) v) : Double.toString(v));
    }

    private static String sciString(double v, boolean f32) {
        BigDecimal d = shortest(v, f32);
        BigDecimal r = d.round(new java.math.MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exp = r.precision() - r.scale() - 1;
        BigDecimal mant = r.movePointLeft(exp);
        String m = mant.toPlainString();
        if (!m.contains(".")) m = m + ".";
        return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
