package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.List;

/**
 * {@code conv_general_dilated}: the N-d convolution (cross-correlation, no kernel flip) of
 * {@code lhs} by the kernel {@code rhs}, with strides, explicit padding, input ({@code lhs}) and
 * kernel ({@code rhs}) dilation, feature and batch grouping, as XLA's {@code ConvGeneralDilated}.
 *
 * <p>In canonical order (see {@link ConvDimensionNumbers}) with {@code G} feature groups, output
 * {@code out[b, o, p...] = sum over i < C/G and window k... of lhs'[b, g*C/G + i, p*s + k*rd] * rhs[o, i, k]}
 * where {@code lhs'} is the input dilated by {@code lhsDilation} then padded, and {@code g = o / (O/G)}.
 * With {@code B} batch groups, output batch {@code b} of feature {@code o} reads input batch
 * {@code (o / (O/B)) * (N/B) + b}.
 *
 * @param windowStrides the stride of each spatial dimension
 * @param padding the explicit (low, high) padding of each spatial dimension (string paddings are
 *     resolved by {@link Lax#convGeneralDilated})
 * @param lhsDilation the input dilation (transposed convolution)
 * @param rhsDilation the kernel dilation (atrous convolution)
 * @param dimensionNumbers the operand layouts
 * @param featureGroupCount the number of feature groups (input channels for depthwise)
 * @param batchGroupCount the number of batch groups (used by kernel gradients)
 * @param precision the (lhs, rhs) precision pair, or null
 * @param preferredElementType the result and accumulation dtype, or null for the input dtype
 */
public record ConvGeneralDilated(Ints windowStrides, Pads padding, Ints lhsDilation, Ints rhsDilation,
        ConvDimensionNumbers dimensionNumbers, int featureGroupCount, int batchGroupCount, List<Precision> precision,
        DType preferredElementType) implements WindowPrimitive, Bilinear, Batchable, Lowerable {

    /** Copies the precision pair. */
    public ConvGeneralDilated {
        precision = precision == null ? null : List.copyOf(precision);
    }

    @Override
    public String name() { return "conv_general_dilated"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("batch_group_count", batchGroupCount), new Param("dimension_numbers", dimensionNumbers),
                new Param("feature_group_count", featureGroupCount), new Param("lhs_dilation", lhsDilation),
                new Param("out_sharding", null), new Param("padding", padding), new Param("precision", precisionText()),
                new Param("preferred_element_type", preferredElementType), new Param("rhs_dilation", rhsDilation),
                new Param("window_strides", windowStrides));
    }

    /** JAX's text of the precision pair, {@code (Precision.HIGHEST, Precision.HIGHEST)}, or null. */
    private String precisionText() {
        return precision == null ? null
                : "(Precision." + precision.get(0).name() + ", Precision." + precision.get(1).name() + ")";
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("conv_general_dilated takes 2 operands, got " + in.size());
        ArrayType lhs = in.get(0);
        ArrayType rhs = in.get(1);
        Shape ls = lhs.shape();
        Shape rs = rhs.shape();
        ConvDimensionNumbers dn = dimensionNumbers;
        if (ls.rank() != rs.rank()) {
            throw new IllegalArgumentException("conv_general_dilated lhs and rhs must have the same number of dimensions,"
                    + " but got " + ls + " and " + rs + ".");
        }
        if (ls.rank() < 2 || dn.lhsSpec().size() != ls.rank() || dn.rhsSpec().size() != ls.rank()
                || dn.outSpec().size() != ls.rank()) {
            throw new IllegalArgumentException("conv_general_dilated: dimension_numbers " + dn
                    + " do not match operands of rank " + ls.rank() + " (shapes " + ls + " and " + rs + ")");
        }
        int nsp = ls.rank() - 2;
        if (featureGroupCount <= 0) {
            throw new IllegalArgumentException("conv_general_dilated feature_group_count must be a positive integer, got "
                    + featureGroupCount + ".");
        }
        int lhsFeatures = ls.dim(dn.lhsSpec().get(1));
        int rhsIn = rs.dim(dn.rhsSpec().get(1));
        int rhsOut = rs.dim(dn.rhsSpec().get(0));
        if (lhsFeatures % featureGroupCount != 0) {
            throw new IllegalArgumentException("conv_general_dilated feature_group_count must divide lhs feature dimension"
                    + " size, but " + featureGroupCount + " does not divide " + lhsFeatures + ".");
        }
        if (lhsFeatures / featureGroupCount != rhsIn) {
            throw new IllegalArgumentException("conv_general_dilated lhs feature dimension size divided by"
                    + " feature_group_count must equal the rhs input feature dimension size, but " + lhsFeatures + " // "
                    + featureGroupCount + " != " + rhsIn + ".");
        }
        if (rhsOut % featureGroupCount != 0) {
            throw new IllegalArgumentException("conv_general_dilated rhs output feature dimension size must be a multiple"
                    + " of feature_group_count, but " + rhsOut + " is not a multiple of " + featureGroupCount + ".");
        }
        if (batchGroupCount <= 0) {
            throw new IllegalArgumentException("conv_general_dilated batch_group_count must be a positive integer, got "
                    + batchGroupCount + ".");
        }
        int lhsBatch = ls.dim(dn.lhsSpec().get(0));
        if (batchGroupCount > 1 && lhsBatch % batchGroupCount != 0) {
            throw new IllegalArgumentException("conv_general_dilated batch_group_count must divide lhs batch dimension"
                    + " size, but " + batchGroupCount + " does not divide " + lhsBatch + ".");
        }
        if (rhsOut % batchGroupCount != 0) {
            throw new IllegalArgumentException("conv_general_dilated rhs output feature dimension size must be a multiple"
                    + " of batch_group_count, but " + rhsOut + " is not a multiple of " + batchGroupCount + ".");
        }
        if (batchGroupCount > 1 && featureGroupCount > 1) {
            throw new IllegalArgumentException("At most one of batch_group_count and feature_group_count may be > 1, got"
                    + " batch_group_count=" + batchGroupCount + " and feature_group_count=" + featureGroupCount);
        }
        if (windowStrides.size() != nsp) {
            throw new IllegalArgumentException("conv_general_dilated window and window_strides must have the same number"
                    + " of dimensions, but got " + nsp + " and " + windowStrides.size());
        }
        if (padding.size() != nsp) {
            throw new IllegalArgumentException("Wrong number of explicit pads for convolution: expected " + nsp + ", got "
                    + padding.size() + ".");
        }
        if (lhsDilation.size() != nsp || rhsDilation.size() != nsp) {
            throw new IllegalArgumentException("conv_general_dilated lhs_dilation " + lhsDilation + " and rhs_dilation "
                    + rhsDilation + " must have one entry per spatial dimension (" + nsp + ")");
        }
        WindowShapes.checkShapelike("conv_general_dilated", "window_strides", windowStrides, true);
        WindowShapes.checkShapelike("conv_general_dilated", "lhs_dilation", lhsDilation, true);
        WindowShapes.checkShapelike("conv_general_dilated", "rhs_dilation", rhsDilation, true);
        int[] canon = new int[ls.rank()];
        canon[0] = batchGroupCount > 1 ? lhsBatch / batchGroupCount : lhsBatch;
        canon[1] = rhsOut;
        int[] inSp = new int[nsp];
        for (int d = 0; d < nsp; d++) {
            int padded = WindowShapes.dilate(ls.dim(dn.lhsSpec().get(2 + d)), lhsDilation.get(d)) + padding.lo(d) + padding.hi(d);
            if (padded < 0) {
                for (int e = 0; e < nsp; e++) inSp[e] = ls.dim(dn.lhsSpec().get(2 + e));
                throw new IllegalArgumentException("Negative padding is larger than the size of the corresponding dimension:"
                        + " got padding=" + padding + " for lhs_shape[2:]=" + Ints.of(inSp));
            }
            int window = WindowShapes.dilate(rs.dim(dn.rhsSpec().get(2 + d)), rhsDilation.get(d));
            canon[2 + d] = WindowShapes.strideDim(padded, window, windowStrides.get(d));
        }
        int[] outDims = new int[ls.rank()];
        for (int i = 0; i < canon.length; i++) outDims[dn.outSpec().get(i)] = canon[i];
        DType dtype = resultDType(lhs.dtype(), rhs.dtype());
        return List.of(new ArrayType(new Shape(outDims), dtype, lhs.weakType() && rhs.weakType()));
    }

    private DType resultDType(DType lhs, DType rhs) {
        if (lhs != rhs) {
            throw new IllegalArgumentException("lax.conv_general_dilated requires arguments to have the same dtypes, got "
                    + lhs + ", " + rhs + ".");
        }
        if (preferredElementType == null) return lhs;
        validatePreferred(lhs, preferredElementType);
        return preferredElementType;
    }

    /** {@code lax._validate_preferred_element_type}. */
    static void validatePreferred(DType in, DType preferred) {
        if (!(in.isInteger() && preferred.isFloating())) {
            boolean ok = (!in.isInteger() || preferred.isInteger()) && (!in.isFloating() || preferred.isFloating());
            if (!ok) {
                throw new IllegalArgumentException("Input type is incompatible with `preferred_element_type`. The compatible"
                        + " combinations of (input_type, preferred_element_type) are (integral, integral), (integral,"
                        + " floating), (floating, floating), (complex, complex.");
            }
            if (in.isInteger() && !in.isUnsigned() && !(preferred.isInteger() && !preferred.isUnsigned())) {
                throw new IllegalArgumentException("`preferred_element_type` must have the same signedness as the original type.");
            }
        }
        if (preferred.itemSize() < in.itemSize()) {
            throw new IllegalArgumentException("`preferred_element_type` must not be narrower than the original type.");
        }
    }

    @Override
    public dev.jaxvm.Array transposeLeft(dev.jaxvm.Array ct, ArrayType xType, dev.jaxvm.Array y) {
        return ConvRules.transposeLhs(ct, xType, y, this);
    }

    @Override
    public dev.jaxvm.Array transposeRight(dev.jaxvm.Array ct, dev.jaxvm.Array x, ArrayType yType) {
        return ConvRules.transposeRhs(ct, x, yType, this);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(ConvKernel.evaluate(this, in.get(0), in.get(1), out.getFirst()));
    }

    /** The direct {@code Conv2d} kernel for 2-D NHWC image convolutions; others run the reference evaluation. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return ConvLowering.lower(this, in, out); }

    /** The batch folds into the batch or feature dimensions (JAX's rule). */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return WindowBatchRules.conv(this, args, dims); }
}
