package dev.jaxvm.core;

import dev.jaxvm.DType;
import java.util.function.IntFunction;

/**
 * Formats arrays as JAX's {@code repr} does: NumPy's {@code array2string} with its defaults
 * (precision 8 in "maxprec" mode, line width 75 less the {@code ","} suffix, arrays of more than 1000
 * elements summarised with {@code ...} and 3 edge items), prefix {@code "Array("}, then the dtype
 * (and {@code weak_type=True}). A port of {@code numpy/_core/arrayprint.py} (NumPy 2.x, non-legacy).
 */
final class ArrayFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int PRECISION = 8;
    private static final String PREFIX = "Array(";

    private ArrayFormat() {}

    static String repr(DenseArray a) {
        ArrayType t = a.type();
        String dtypeStr = "dtype=" + t.dtype().numpyName() + (t.weakType() ? ", weak_type=True" : "");
        if (t.dtype() == DType.FLOAT0) return PREFIX + "shape=" + t.shape() + ", " + dtypeStr + ")";
        String s = t.size() == 0 ? "[], shape=" + t.shape() : array2string(a);
        int lastLineLen = s.length() - s.lastIndexOf('\n') + 1;
        // JAX's own layout rule: when the dtype does not fit on the last line it is indented, not wrapped.
        String sep = lastLineLen + dtypeStr.length() + 2 > LINE_WIDTH ? " ".repeat(PREFIX.length()) : " ";
        return PREFIX + s + "," + sep + dtypeStr + ")";
    }

    private static String array2string(DenseArray a) {
        boolean summarize = a.size() > THRESHOLD;
        boolean[] shown = shownMask(a.type().shape(), summarize);
        IntFunction<String> fmt = formatter(a, shown);
        String nextLinePrefix = " " + " ".repeat(PREFIX.length());
        int[] dims = a.type().shape().dims();
        return new Recurser(dims, a.type().shape().strides(), fmt, summarize).format(0, 0, nextLinePrefix,
                LINE_WIDTH - 1);
    }

    /** NumPy's {@code _formatArray} recursion. */
    private record Recurser(int[] dims, int[] strides, IntFunction<String> fmt, boolean summarize) {
        String format(int axis, int offset, String hangingIndent, int currWidth) {
            int axesLeft = dims.length - axis;
            if (axesLeft == 0) return fmt.apply(offset);
            String nextIndent = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            int n = dims[axis];
            boolean showSummary = summarize && 2 * EDGE_ITEMS < n;
            int leading = showSummary ? EDGE_ITEMS : 0;
            int trailing = showSummary ? EDGE_ITEMS : n;
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elemWidth = currWidth - 1;
                String[] line = {hangingIndent};
                for (int i = 0; i < leading; i++) {
                    extend(s, line, format(axis + 1, offset + i * strides[axis], nextIndent, nextWidth), elemWidth,
                            hangingIndent);
                    line[0] += ", ";
                }
                if (showSummary) {
                    extend(s, line, "...", elemWidth, hangingIndent);
                    line[0] += ", ";
                }
                for (int i = trailing; i > 1; i--) {
                    extend(s, line, format(axis + 1, offset + (n - i) * strides[axis], nextIndent, nextWidth),
                            elemWidth, hangingIndent);
                    line[0] += ", ";
                }
                extend(s, line, format(axis + 1, offset + (n - 1) * strides[axis], nextIndent, nextWidth), elemWidth,
                        hangingIndent);
                s.append(line[0]);
            } else {
                String lineSep = "," + "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hangingIndent).append(format(axis + 1, offset + i * strides[axis], nextIndent, nextWidth))
                            .append(lineSep);
                }
                if (showSummary) s.append(hangingIndent).append("...").append(lineSep);
                for (int i = trailing; i > 1; i--) {
                    s.append(hangingIndent).append(format(axis + 1, offset + (n - i) * strides[axis], nextIndent,
                            nextWidth)).append(lineSep);
                }
                s.append(hangingIndent).append(format(axis + 1, offset + (n - 1) * strides[axis], nextIndent, nextWidth));
            }
            return "[" + s.substring(hangingIndent.length()) + "]";
        }

        /** NumPy's {@code _extendLine}: wraps before {@code word} unless the line holds only the indent. */
        private static void extend(StringBuilder s, String[] line, String word, int lineWidth, String nextLinePrefix) {
            boolean wrap = line[0].length() + word.length() > lineWidth && line[0].length() > nextLinePrefix.length();
            if (wrap) {
                s.append(line[0].stripTrailing()).append('\n');
                line[0] = nextLinePrefix;
            }
            line[0] += word;
        }
    }

    /** The element formatter, set up from the shown elements as NumPy's format classes are. */
    private static IntFunction<String> formatter(DenseArray a, boolean[] shown) {
        DType t = a.dtype();
        return switch (t) {
            case BOOL, FLOAT0 -> {
                String trueStr = a.type().rank() == 0 ? "True" : " True";
                yield i -> a.getBoolean(i) ? trueStr : "False";
            }
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> integerFormat(a, shown);
            case BFLOAT16 -> i -> FloatDigits.general6(a.getDouble(i));
            case FLOAT16, FLOAT32, FLOAT64 -> new FloatingFormat(a, shown)::format;
        };
    }

    private static IntFunction<String> integerFormat(DenseArray a, boolean[] shown) {
        int width = 0;
        for (int i = 0; i < a.size(); i++) if (shown[i]) width = Math.max(width, intText(a, i).length());
        int w = width;
        return i -> {
            String s = intText(a, i);
            return " ".repeat(Math.max(0, w - s.length())) + s;
        };
    }

    private static String intText(DenseArray a, int i) {
        return a.dtype() == DType.UINT64 ? Long.toUnsignedString(a.getLong(i)) : Long.toString(a.getLong(i));
    }

    /** Which flat indices survive summarisation (all when not summarising). */
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

    /** NumPy's {@code FloatingFormat} in "maxprec" mode with sign '-'. */
    private static final class FloatingFormat {
        private final DenseArray a;
        private final DType t;
        private boolean exp;
        private int padLeft, padRight, precision = PRECISION, expSize = -1;

        FloatingFormat(DenseArray a, boolean[] shown) {
            this.a = a;
            this.t = a.dtype();
            double max = 0, min = Double.POSITIVE_INFINITY;
            boolean anyFinite = false, anyNonFinite = false, negInf = false;
            for (int i = 0; i < a.size(); i++) {
                if (!shown[i]) continue;
                double v = a.getDouble(i);
                if (!Double.isFinite(v)) {
                    anyNonFinite = true;
                    negInf |= v == Double.NEGATIVE_INFINITY;
                    continue;
                }
                anyFinite = true;
                double abs = Math.abs(v);
                if (abs != 0) {
                    max = Math.max(max, abs);
                    min = Math.min(min, abs);
                }
            }
            if (min != Double.POSITIVE_INFINITY) {
                exp = max >= expCutoff(t) || min < 0.0001 || max / min > 1000.;
            }
            if (anyFinite) measure(shown);
            if (anyNonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        /** {@code 10 ** min(8, finfo(dtype).precision)}: f16 1e3, f32 1e6, f64 1e8. */
        private static double expCutoff(DType t) {
            return switch (t) {
                case FLOAT16 -> 1e3;
                case FLOAT32 -> 1e6;
                default -> 1e8;
            };
        }

        private void measure(boolean[] shown) {
            int maxInt = 0, maxFrac = 0, maxExp = 0;
            for (int i = 0; i < a.size(); i++) {
                double v = a.getDouble(i);
                if (!shown[i] || !Double.isFinite(v)) continue;
                if (exp) {
                    String s = FloatDigits.scientific(t, v, PRECISION, 0, 2);
                    int e = s.indexOf('e'), dot = s.indexOf('.');
                    maxInt = Math.max(maxInt, dot);
                    maxFrac = Math.max(maxFrac, e - dot - 1);
                    maxExp = Math.max(maxExp, s.length() - e - 1);
                } else {
                    String s = FloatDigits.positional(t, v, PRECISION);
                    int dot = s.indexOf('.');
                    maxInt = Math.max(maxInt, dot);
                    maxFrac = Math.max(maxFrac, s.length() - dot - 1);
                }
            }
            padLeft = maxInt;
            if (exp) {
                expSize = maxExp - 1;
                precision = maxFrac;
                padRight = expSize + 2 + precision;
            } else {
                padRight = maxFrac;
            }
        }

        String format(int i) {
            double v = a.getDouble(i);
            if (!Double.isFinite(v)) {
                String r = Double.isNaN(v) ? "nan" : (v < 0 ? "-inf" : "inf");
                return " ".repeat(Math.max(0, padLeft + padRight + 1 - r.length())) + r;
            }
            String s = exp ? FloatDigits.scientific(t, v, PRECISION, precision, expSize)
                    : FloatDigits.positional(t, v, PRECISION);
            int dot = s.indexOf('.');
            String left = " ".repeat(Math.max(0, padLeft - dot));
            if (exp) return left + s;
            int frac = s.length() - dot - 1;
            return left + s + " ".repeat(Math.max(0, padRight - frac));
        }
    }
}
