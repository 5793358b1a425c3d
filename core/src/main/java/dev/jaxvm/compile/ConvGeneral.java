package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * The general convolution library kernel behind {@code conv_general_dilated} for any dimension
 * numbers, strides, padding (also negative), input and kernel dilation, feature and batch groups and
 * number of spatial dimensions, on float32, float64, int32 or int64 (one dtype throughout). The
 * operands are permuted into the planar canonical layouts {@code [N, C, spatial...]} and
 * {@code [O, I, spatial...]} (copied only when their layout differs), each output row (one batch,
 * output feature and position of the outer spatial dimensions) is accumulated from whole rows of the
 * innermost spatial dimension, and the canonical result {@code [N/B, O, spatial...]} is permuted into
 * the output layout. The innermost loop is either a multiply-add of an input row into the output row
 * (unit stride, no input dilation: most forward and input-gradient convolutions) or, when the kernel
 * row is longer than the output row (kernel gradients: the "kernel" is the output gradient), a dot
 * product of a kernel row with an input row ({@link ConvGeneralSimd} with the Vector API).
 * Floats accumulate in double per output row ({@code float32} dot products in float32 lanes),
 * integers in long, wrapped to the output width; output rows are split over the cores.
 *
 * {@snippet :
 * // the kernel gradient of a depthwise NHWC convolution, as JAX's transpose rule builds it
 * ConvGeneral k = ConvGeneral.of(lhsType, rhsType, outType, Ints.of(3, 0, 1, 2), Ints.of(3, 0, 1, 2),
 *         Ints.of(2, 3, 0, 1), Ints.of(1, 1), Ints.of(3, 3), Ints.of(1, 1), Ints.of(1, 1), 1, 4);
 * }
 *
 * @param lhsSpec the input's axes in (batch, feature, spatial...) order
 * @param rhsSpec the kernel's axes in (out-feature, in-feature, spatial...) order
 * @param outSpec the output's axes in (batch, feature, spatial...) order
 * @param lhsDims the input's canonical dims {@code [N, C, S...]}
 * @param rhsDims the kernel's canonical dims {@code [O, I, K...]}
 * @param outDims the output's canonical dims {@code [N/B, O, P...]}
 * @param strides the window strides
 * @param padLo the low padding of each spatial dimension (may be negative)
 * @param lhsDilation the input dilation
 * @param rhsDilation the kernel dilation
 * @param featureGroups the feature group count
 * @param batchGroups the batch group count
 */
public record ConvGeneral(Ints lhsSpec, Ints rhsSpec, Ints outSpec, Ints lhsDims, Ints rhsDims, Ints outDims, Ints strides,
                          Ints padLo, Ints lhsDilation, Ints rhsDilation, int featureGroups, int batchGroups)
        implements LibraryKernel {

    /** Whether the dtypes have a kernel: one of float32, float64, int32, int64 for operands and result. */
    public static boolean supports(DType lhs, DType rhs, DType out) {
        return lhs == rhs && lhs == out && (out == DType.FLOAT32 || out == DType.FLOAT64 || out == DType.INT32 || out == DType.INT64);
    }

    /** The kernel for operands and result of these types with these convolution parameters. */
    public static ConvGeneral of(ArrayType lhs, ArrayType rhs, ArrayType out, Ints lhsSpec, Ints rhsSpec, Ints outSpec,
                                 Ints strides, Ints padLo, Ints lhsDilation, Ints rhsDilation, int featureGroups, int batchGroups) {
        return new ConvGeneral(lhsSpec, rhsSpec, outSpec, canonical(lhs, lhsSpec), canonical(rhs, rhsSpec), canonical(out, outSpec),
                strides, padLo, lhsDilation, rhsDilation, featureGroups, batchGroups);
    }

    private static Ints canonical(ArrayType t, Ints spec) {
        int[] d = new int[spec.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.shape().dim(spec.get(i));
        return Ints.of(d);
    }

    @Override
    public String describe() {
        return "conv[" + lhsDims + "*" + rhsDims + "->" + outDims + " lhs_spec=" + lhsSpec + " rhs_spec=" + rhsSpec + " out_spec="
                + outSpec + (featureGroups > 1 ? " fg=" + featureGroups : "") + (batchGroups > 1 ? " bg=" + batchGroups : "") + "]";
    }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Parallel.THREADS); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        ArrayType t = out.getFirst();
        Object l = widen(Permute.toOrder(in.get(0), lhsSpec)), r = widen(Permute.toOrder(in.get(1), rhsSpec));
        int rank = outDims.size();
        int rows = rank <= 2 ? outDims.get(0) * outDims.get(1) : product(outDims, 0, rank - 1);
        int rowSize = rank <= 2 ? 1 : outDims.get(rank - 1);
        Object canon = switch (l) {
            case float[] f -> new float[rows * rowSize];
            case double[] d -> new double[rows * rowSize];
            default -> new long[rows * rowSize];
        };
        ConvRows g = new ConvRows(this);
        long work = (long) Math.max(1, product(rhsDims, 1, rhsDims.size())) * rowSize;
        Object dst = canon;
        Parallel.forRange(rows, work, threads, (lo, hi) -> g.rows(l, r, dst, lo, hi));
        if (t.dtype() == DType.INT32) {
            long[] w = (long[]) canon;
            int[] narrow = new int[w.length];
            for (int i = 0; i < w.length; i++) narrow[i] = (int) w[i];
            canon = narrow;
        }
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[outSpec.get(i)] = i;
        return List.of(DenseArray.wrap(t, Permute.fromCanonical(canon, outDims, perm, t)));
    }

    /** int32 data as long (the rows accumulate integers in long). */
    private static Object widen(Object buffer) {
        if (!(buffer instanceof int[] a)) return buffer;
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i];
        return out;
    }

    static int product(Ints d, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= d.get(i);
        return p;
    }
}
