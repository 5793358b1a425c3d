package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Pad;
import dev.jaxvm.lax.PyInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code jnp.pad} with modes constant, edge, reflect, symmetric and wrap, lowered as jnp 0.10.2 does. */
final class Padding {
    private Padding() {}

    /** The modes supported. */
    enum Mode { CONSTANT, EDGE, REFLECT, SYMMETRIC, WRAP }

    static Mode mode(String s) {
        return switch (s) {
            case "constant" -> Mode.CONSTANT;
            case "edge" -> Mode.EDGE;
            case "reflect" -> Mode.REFLECT;
            case "symmetric" -> Mode.SYMMETRIC;
            case "wrap" -> Mode.WRAP;
            case "linear_ramp", "maximum", "mean", "median", "minimum", "empty" ->
                    throw new UnsupportedOperationException("pad: mode '" + s + "' is not implemented in jaxvm yet");
            default -> throw new IllegalArgumentException("pad: Unimplemented padding mode '" + s + "' for np.pad");
        };
    }

    static Array pad(Object x, int[][] padWidth, String modeName, Object constantValues) {
        Array a = Jnp.asarray(x);
        Mode mode = mode(modeName);
        Array cv = Jnp.asarray(constantValues == null ? 0 : constantValues);
        int nd = a.ndim();
        int[][] pw = nd == 0 ? new int[0][] : pairs(padWidth, nd);
        if (mode != Mode.CONSTANT && cv.ndim() != 0 && constantValues != null) {
            throw new IllegalArgumentException("pad: unsupported keyword arguments for mode '" + modeName
                    + "': {'constant_values'}");
        }
        List<List<Integer>> widths = new ArrayList<>();
        for (int[] p : pw) widths.add(Shapes.boxed(p));
        return NamedCall.call1("_pad", List.of(a, cv), new Statics(List.copyOf(widths), mode), Padding::padBody);
    }

    /** The static arguments of jnp's jitted {@code _pad}. */
    private record Statics(List<List<Integer>> widths, Mode mode) {}

    private static Array padBody(List<Array> v, Statics st) {
        Array arr = v.get(0);
        if (arr.ndim() == 0) return arr;
        int[][] pw = new int[st.widths().size()][];
        for (int i = 0; i < pw.length; i++) pw[i] = Linalg.ints(st.widths().get(i));
        return switch (st.mode()) {
            case CONSTANT -> constant(arr, pw, v.get(1));
            case EDGE -> edge(arr, pw);
            case WRAP -> wrap(arr, pw);
            case REFLECT, SYMMETRIC -> reflect(arr, pw, st.mode());
        };
    }

    /** NumPy's accepted pad_width shapes, (nd, 2), (1, 2), (2,) and (1,), as per-axis (before, after) pairs. */
    private static int[][] pairs(int[][] w, int nd) {
        int[][] out = new int[nd][];
        if (w.length == nd && Arrays.stream(w).allMatch(p -> p.length == 2)) {
            for (int i = 0; i < nd; i++) out[i] = w[i].clone();
        } else if (w.length == 1 && (w[0].length == 2 || w[0].length == 1)) {
            for (int i = 0; i < nd; i++) out[i] = new int[] {w[0][0], w[0][w[0].length - 1]};
        } else {
            throw new IllegalArgumentException("pad: pad_width with nd=" + nd + " has unsupported shape; valid shapes are ("
                    + nd + ", 2), (1, 2), (2,), (1,), or ().");
        }
        for (int[] p : out) {
            if (p[0] < 0 || p[1] < 0) throw new IllegalArgumentException("pad: index can't contain negative values");
        }
        return out;
    }

    private static Array constant(Array arr, int[][] pw, Array cv) {
        Array c = IndexLowering.constAwareConvert(cv, arr.dtype(), arr.weakType());
        int nd = arr.ndim();
        if (c.ndim() == 0 || (c.ndim() == 1 && c.shape()[0] == 1)) {
            if (c.ndim() == 1) c = Lax.squeeze(c, 0);
            List<Pad.Dim> dims = new ArrayList<>();
            for (int[] p : pw) dims.add(new Pad.Dim(PyInt.numpy(p[0]), PyInt.numpy(p[1]), PyInt.of(0)));
            return dev.jaxvm.core.Trace.bind1(new Pad(dims), arr, c);
        }
        if (c.ndim() == 1 && c.shape()[0] != 2) {
            throw new IllegalArgumentException("pad: constant_values has unsupported shape " + c.type().shape()
                    + ". If the shape is 1D or 2D, the last dimension must be of size 1 or 2.");
        }
        c = Jnp.broadcastTo(c, nd, 2);
        for (int i = 0; i < nd; i++) {
            for (int side = 0; side < 2; side++) {
                if (pw[i][side] == 0) continue;
                List<Pad.Dim> dims = new ArrayList<>();
                for (int k = 0; k < nd; k++) {
                    dims.add(k == i ? (side == 0 ? new Pad.Dim(PyInt.numpy(pw[i][0]), PyInt.of(0), PyInt.of(0))
                            : new Pad.Dim(PyInt.of(0), PyInt.numpy(pw[i][1]), PyInt.of(0))) : Pad.Dim.of(0, 0, 0));
                }
                arr = dev.jaxvm.core.Trace.bind1(new Pad(dims), arr, c.get(i, side));
            }
        }
        return arr;
    }

    private static void checkNoPadding(int[] p, String mode) {
        if (p[0] > 0 || p[1] > 0) throw new IllegalArgumentException("pad: Cannot apply '" + mode + "' padding to empty axis");
    }

    private static Array edge(Array arr, int[][] pw) {
        for (int i = 0; i < arr.ndim(); i++) {
            int n = arr.shape()[i];
            if (n == 0) {
                checkNoPadding(pw[i], "edge");
                continue;
            }
            Array before = Shapes.repeat(Shapes.sliceInDim(arr, 0, 1, i), pw[i][0], i);
            Array after = Shapes.repeat(Shapes.sliceInDim(arr, n - 1, n, i), pw[i][1], i);
            arr = Lax.concatenate(List.of(before, arr, after), i);
        }
        return arr;
    }

    private static Array wrap(Array arr, int[][] pw) {
        for (int i = 0; i < arr.ndim(); i++) {
            int size = arr.shape()[i];
            if (size == 0) {
                checkNoPadding(pw[i], "wrap");
                continue;
            }
            int leftRepeats = pw[i][0] / size, leftRem = pw[i][0] % size;
            int rightRepeats = pw[i][1] / size, rightRem = pw[i][1] % size;
            List<Array> parts = new ArrayList<>();
            if (leftRem > 0) parts.add(Shapes.sliceInDim(arr, size - leftRem, size, i));
            for (int k = 0; k < leftRepeats + rightRepeats + 1; k++) parts.add(arr);
            if (rightRem > 0) parts.add(Shapes.sliceInDim(arr, 0, rightRem, i));
            arr = Shapes.concatenateIfMany(parts, i);
        }
        return arr;
    }

    private static Array reflect(Array arr, int[][] pw, Mode mode) {
        String name = mode == Mode.REFLECT ? "reflect" : "symmetric";
        for (int i = 0; i < arr.ndim(); i++) {
            int axisSize = arr.shape()[i];
            if (axisSize == 0) {
                checkNoPadding(pw[i], name);
                continue;
            }
            if (pw[i][0] == 0 && pw[i][1] == 0) continue;
            int offset = mode == Mode.REFLECT && axisSize > 1 ? 1 : 0;
            for (int side = 0; side < 2; side++) {
                int padding = pw[i][side];
                int n0 = arr.shape()[i];
                // jnp slices the edge first (it is only used by reflect_type='odd'; the slice stays in the Jaxpr)
                Shapes.sliceInDim(arr, side == 0 ? 0 : n0 - 1, side == 0 ? 1 : n0, i);
                while (padding > 0) {
                    int cur = Math.min(padding, axisSize - offset);
                    padding -= cur;
                    int len = arr.shape()[i];
                    Array piece;
                    if (side == 0) {
                        piece = Shapes.sliceInDim(arr, offset, offset + cur, i);
                    } else {
                        boolean toEnd = mode == Mode.SYMMETRIC || axisSize == 1;
                        piece = Shapes.sliceInDim(arr, len - (cur + offset), toEnd ? len : len - 1, i);
                    }
                    piece = Shapes.flip(piece, i);
                    arr = Lax.concatenate(side == 0 ? List.of(piece, arr) : List.of(arr, piece), i);
                }
            }
        }
        return arr;
    }
}
