package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Py;
import dev.jaxvm.core.Trace;

/** The bodies of the convolution and window functions of {@link Lax} (JAX's Python-side argument handling). */
final class WindowOps {
    private WindowOps() {}

    static Array convGeneralDilated(Array lhs, Array rhs, int[] windowStrides, Object padding, int[] lhsDilation,
            int[] rhsDilation, Object dimensionNumbers, int featureGroupCount, int batchGroupCount, Precision precision,
            DType preferredElementType) {
        ConvDimensionNumbers dn = ConvArgs.dimensionNumbers(lhs, rhs, dimensionNumbers);
        int nsp = lhs.ndim() - 2;
        Ints ld = ConvArgs.orOnes(lhsDilation, nsp);
        Ints rd = ConvArgs.orOnes(rhsDilation, nsp);
        if (padding instanceof String && lhsDilation != null && !ld.equals(WindowShapes.ones(nsp))) {
            throw new IllegalArgumentException("String padding is not implemented for transposed convolution using this op."
                    + " Please either exactly specify the required padding or use conv_transpose.");
        }
        Pads pads;
        if (padding instanceof String) {
            int[] k = ConvArgs.spatial(rhs, dn.rhsSpec());
            for (int i = 0; i < k.length && i < rd.size(); i++) k[i] = WindowShapes.dilate(k[i], rd.get(i));
            pads = ConvArgs.padding(padding, ConvArgs.spatial(lhs, dn.lhsSpec()), k, windowStrides, "conv_general_dilated");
        } else {
            pads = ConvArgs.padding(padding, null, null, null, "conv_general_dilated");
        }
        return Trace.bind1(new ConvGeneralDilated(Ints.of(windowStrides), pads, ld, rd, dn, featureGroupCount,
                batchGroupCount, precision == null ? null : java.util.List.of(precision, precision),
                preferredElementType == null ? null : preferredElementType.canonicalize()), lhs, rhs);
    }

    /** Binds {@code conv_general_dilated} with explicit parameters, keeping precision and preferred dtype of {@code like}. */
    static Array bind(Array lhs, Array rhs, Ints windowStrides, Pads padding, Ints lhsDilation, Ints rhsDilation,
            ConvDimensionNumbers dn, int featureGroupCount, int batchGroupCount, ConvGeneralDilated like) {
        return Trace.bind1(new ConvGeneralDilated(windowStrides, padding, lhsDilation, rhsDilation, dn, featureGroupCount,
                batchGroupCount, like.precision(), like.preferredElementType()), lhs, rhs);
    }

    static Array convTranspose(Array lhs, Array rhs, int[] strides, Object padding, int[] rhsDilation,
            Object dimensionNumbers, boolean transposeKernel, Precision precision, DType preferredElementType) {
        int nd = lhs.ndim();
        if (nd != rhs.ndim() || nd < 2) {
            throw new IllegalArgumentException("conv_transpose: lhs and rhs must have the same rank >= 2, got shapes "
                    + Py.tuple(lhs.shape()) + " and " + Py.tuple(rhs.shape()));
        }
        Object dnArg = dimensionNumbers;
        if (dnArg == null) {
            dnArg = switch (nd) {
                case 2 -> new String[] {"NC", "IO", "NC"};
                case 3 -> new String[] {"NHC", "HIO", "NHC"};
                case 4 -> new String[] {"NHWC", "HWIO", "NHWC"};
                case 5 -> new String[] {"NHWDC", "HWDIO", "NHWDC"};
                default -> throw new IllegalArgumentException("No 4+ dimensional dimension_number defaults.");
            };
        }
        ConvDimensionNumbers dn = ConvArgs.dimensionNumbers(lhs, rhs, dnArg);
        int[] k = ConvArgs.spatial(rhs, dn.rhsSpec());
        Ints rd = ConvArgs.orOnes(rhsDilation, nd - 2);
        int[][] pads;
        if (padding instanceof String s && (s.equals("SAME") || s.equals("VALID"))) {
            pads = new int[k.length][];
            for (int i = 0; i < k.length; i++) {
                pads[i] = ConvArgs.transposePadding(WindowShapes.dilate(k[i], rd.get(i)), strides[i], s, i);
            }
        } else if (padding instanceof int[][] p) {
            pads = p;
        } else {
            throw new IllegalArgumentException("conv_transpose: padding must be 'SAME', 'VALID' or (low, high) pairs, got "
                    + padding);
        }
        Array kernel = rhs;
        if (transposeKernel) {
            int[] sp = new int[nd - 2];
            for (int i = 0; i < sp.length; i++) sp[i] = dn.rhsSpec().get(2 + i);
            java.util.Arrays.sort(sp);
            kernel = Lax.rev(kernel, sp);
            int[] perm = new int[nd];
            for (int i = 0; i < nd; i++) perm[i] = i;
            perm[dn.rhsSpec().get(0)] = dn.rhsSpec().get(1);
            perm[dn.rhsSpec().get(1)] = dn.rhsSpec().get(0);
            kernel = Lax.transpose(kernel, perm);
        }
        return convGeneralDilated(lhs, kernel, WindowShapes.ones(nd - 2).values(), pads, strides, rd.values(), dn, 1, 1,
                precision, preferredElementType);
    }

    static Array reduceWindow(Array operand, Number initValue, String computation, int[] windowDimensions,
            int[] windowStrides, Object padding, int[] baseDilation, int[] windowDilation) {
        WindowReduce.Monoid m = switch (computation) {
            case "add" -> WindowReduce.Monoid.SUM;
            case "max" -> WindowReduce.Monoid.MAX;
            case "min" -> WindowReduce.Monoid.MIN;
            default -> throw new UnsupportedOperationException("reduce_window: only the computations 'add', 'max' and"
                    + " 'min' are implemented, got '" + computation + "' (the generic reduce_window primitive is missing)");
        };
        DType t = operand.dtype();
        boolean identity = t.isFloating() ? initValue.doubleValue() == WindowReduce.identityDouble(m)
                : initValue.longValue() == WindowReduce.identityLong(m, t)
                        && initValue.doubleValue() == Math.rint(initValue.doubleValue());
        if (!identity) {
            throw new UnsupportedOperationException("reduce_window: init_value " + initValue + " is not the identity of '"
                    + computation + "' for " + t + " (the generic reduce_window primitive is missing)");
        }
        int n = windowDimensions.length;
        Ints wd = Ints.of(windowDimensions);
        Ints ws = ConvArgs.orOnes(windowStrides, n);
        Ints bd = ConvArgs.orOnes(baseDilation, n);
        Ints wdl = ConvArgs.orOnes(windowDilation, n);
        int[] dilated = new int[n];
        for (int i = 0; i < n; i++) dilated[i] = WindowShapes.dilate(windowDimensions[i], i < wdl.size() ? wdl.get(i) : 1);
        Pads pads = ConvArgs.padding(padding, operand.shape(), dilated, ws.values(), "reduce_window");
        WindowPrimitive p = switch (m) {
            case SUM -> new ReduceWindowSum(bd, pads, wdl, wd, ws);
            case MAX -> new ReduceWindowMax(bd, pads, wdl, wd, ws);
            case MIN -> new ReduceWindowMin(bd, pads, wdl, wd, ws);
        };
        return Trace.bind1(p, operand);
    }

    static Array selectAndGatherAdd(Array tangents, Array operand, SelectAndScatterAdd.Select selectPrim,
            int[] windowDimensions, int[] windowStrides, Object padding, int[] baseDilation, int[] windowDilation) {
        int n = windowDimensions.length;
        Pads pads = ConvArgs.padding(padding, operand.shape(), windowDimensions, windowStrides, "select_and_gather_add");
        return Trace.bind1(new SelectAndGatherAdd(ConvArgs.orOnes(baseDilation, n), pads, selectPrim,
                ConvArgs.orOnes(windowDilation, n), Ints.of(windowDimensions), Ints.of(windowStrides)), tangents, operand);
    }

    static Array reduceWindow(Array operand, WindowReduce.Monoid m, int[] windowDimensions, int[] windowStrides,
            Object padding) {
        return reduceWindow(operand, identity(m, operand.dtype()), m == WindowReduce.Monoid.MAX ? "max" : "min",
                windowDimensions, windowStrides, padding, null, null);
    }

    static Array selectAndScatterAdd(Array source, Array operand, SelectAndScatterAdd.Select selectPrim,
            int[] windowDimensions, int[] windowStrides, Object padding) {
        Pads pads = ConvArgs.padding(padding, operand.shape(), windowDimensions, windowStrides, "select_and_scatter_add");
        return Trace.bind1(new SelectAndScatterAdd(pads, selectPrim, Ints.of(windowDimensions), Ints.of(windowStrides)),
                source, operand);
    }

    static Number identity(WindowReduce.Monoid m, DType t) {
        return t.isFloating() ? (Number) WindowReduce.identityDouble(m) : (Number) WindowReduce.identityLong(m, t);
    }

    /** flax-style pooling over the dimensions just before the last. */
    static Array pool(WindowReduce.Monoid m, Array x, int[] windowShape, int[] strides, Object padding) {
        int r = x.ndim();
        int n = windowShape.length;
        if (n + 1 > r) {
            throw new IllegalArgumentException("pooling: window " + Ints.of(windowShape) + " needs an input of rank >= "
                    + (n + 1) + " (spatial dims then features), got shape " + Py.tuple(x.shape()));
        }
        if (strides != null && strides.length != n) {
            throw new IllegalArgumentException("pooling: strides " + Ints.of(strides) + " must match window " + Ints.of(windowShape));
        }
        int[] wd = new int[r];
        int[] ws = new int[r];
        java.util.Arrays.fill(wd, 1);
        java.util.Arrays.fill(ws, 1);
        for (int i = 0; i < n; i++) {
            wd[r - 1 - n + i] = windowShape[i];
            ws[r - 1 - n + i] = strides == null ? 1 : strides[i];
        }
        Object pads = padding;
        if (padding instanceof int[][] pairs) {
            if (pairs.length != n) {
                throw new IllegalArgumentException("pooling: padding must have one (low, high) pair per window dimension ("
                        + n + "), got " + pairs.length);
            }
            int[][] full = new int[r][];
            for (int i = 0; i < r; i++) full[i] = new int[2];
            for (int i = 0; i < n; i++) full[r - 1 - n + i] = pairs[i].clone();
            pads = full;
        }
        String comp = switch (m) {
            case SUM -> "add";
            case MAX -> "max";
            case MIN -> "min";
        };
        Array out = reduceWindow(x, identity(m, x.dtype()), comp, wd, ws, pads, null, null);
        if (m != WindowReduce.Monoid.SUM) return out;
        long size = 1;
        for (int k : windowShape) size *= k;
        return Lax.div(out, Lax.broadcastInDim(DenseArray.scalar(out.dtype(), false, size), out.shape()));
    }
}
