package dev.jaxvm.lax;

import dev.jaxvm.compile.Conv2d;
import dev.jaxvm.compile.ConvGeneral;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * Chooses the compiled kernel of {@code conv_general_dilated}: the direct {@link Conv2d} kernel for
 * 2-D NHWC/HWIO/NHWC, stride 1, undilated, zero-padded, depthwise or ungrouped float32/int32
 * convolutions; the general {@link ConvGeneral} kernel for every other configuration on float32,
 * float64, int32 or int64; other dtypes run the reference evaluation.
 */
final class ConvLowering {
    private static final ConvDimensionNumbers NHWC = ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC");

    private ConvLowering() {}

    static Lowering lower(ConvGeneralDilated p, List<ArrayType> in, List<ArrayType> out) {
        ArrayType lhs = in.get(0), rhs = in.get(1), res = out.getFirst();
        String why = reason(p, lhs, rhs, res);
        if (why != null) {
            if (!ConvGeneral.supports(lhs.dtype(), rhs.dtype(), res.dtype())) {
                return new Lowering.NotLowerable("conv_general_dilated: dtype " + lhs.dtype() + " -> " + res.dtype()
                        + " (the kernels cover float32, float64, int32 and int64 without preferred_element_type)");
            }
            return new Lowering.Library(ConvGeneral.of(lhs, rhs, res, p.dimensionNumbers().lhsSpec(), p.dimensionNumbers().rhsSpec(),
                    p.dimensionNumbers().outSpec(), p.windowStrides(), p.padding().lo(), p.lhsDilation(), p.rhsDilation(),
                    p.featureGroupCount(), p.batchGroupCount()));
        }
        int[] l = lhs.shape().dims(), r = rhs.shape().dims(), o = res.shape().dims();
        boolean depthwise = p.featureGroupCount() > 1;
        return new Lowering.Library(new Conv2d(l[0], l[1], l[2], l[3], r[0], r[1], r[3], depthwise,
                p.padding().lo(0), p.padding().lo(1), o[1], o[2]));
    }

    /** Why the direct kernel does not apply, or null when it does. */
    private static String reason(ConvGeneralDilated p, ArrayType lhs, ArrayType rhs, ArrayType res) {
        if (lhs.rank() != 4) return "not 2-D";
        if (!p.dimensionNumbers().equals(NHWC)) return "layout " + p.dimensionNumbers() + " is not NHWC/HWIO/NHWC";
        if (!Conv2d.supports(lhs.dtype(), rhs.dtype(), res.dtype())) return "dtype " + lhs.dtype() + " -> " + res.dtype();
        if (!allOnes(p.windowStrides()) || !allOnes(p.lhsDilation()) || !allOnes(p.rhsDilation())) {
            return "strided or dilated";
        }
        for (int d = 0; d < 2; d++) if (p.padding().lo(d) < 0 || p.padding().hi(d) < 0) return "negative padding";
        if (p.batchGroupCount() != 1) return "batch groups";
        int c = lhs.shape().dim(3), g = p.featureGroupCount();
        boolean depthwise = g > 1 && g == c && rhs.shape().dim(2) == 1 && rhs.shape().dim(3) == c;
        if (g != 1 && !depthwise) return "feature_group_count " + g + " is neither 1 nor depthwise";
        if (lhs.size() == 0 || rhs.size() == 0 || res.size() == 0) return "empty operand";
        return null;
    }

    private static boolean allOnes(Ints v) {
        for (int i = 0; i < v.size(); i++) if (v.get(i) != 1) return false;
        return true;
    }
}
