package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;

/**
 * The {@code lax} API: one static method per primitive, with JAX's parameters. Unlike
 * {@code Jnp}, lax does no type promotion and no implicit rank broadcasting: operands must already
 * agree, and the primitive's type rule raises JAX's error otherwise.
 *
 * {@snippet :
 * Array y = Lax.add(Lax.sin(x), Lax.mul(Lax.cos(x), x));
 * }
 */
public final class Lax extends LaxControlFlow {
    private Lax() {}

    // == section: conv ==

    /**
     * {@code lax.conv_general_dilated} (see {@link ConvGeneralDilated}). {@code padding}: {@code "SAME"},
     * {@code "SAME_LOWER"}, {@code "VALID"} or {@code int[][]} (low, high) pairs; null dilations are ones;
     * {@code dimensionNumbers}: null (NCHW, OIHW, NCHW), three layouts such as {@code {"NHWC", "HWIO", "NHWC"}}
     * or a {@link ConvDimensionNumbers}; null precision and preferred dtype are JAX's {@code None}.
     * {@snippet :
     * Array y = Lax.convGeneralDilated(img, kernel, new int[] {1, 1}, "SAME", null, null,
     *         new String[] {"NHWC", "HWIO", "NHWC"}, channels, 1, null, null);   // depthwise
     * }
     */
    public static Array convGeneralDilated(Array lhs, Array rhs, int[] windowStrides, Object padding, int[] lhsDilation,
            int[] rhsDilation, Object dimensionNumbers, int featureGroupCount, int batchGroupCount, Precision precision,
            DType preferredElementType) {
        return WindowOps.convGeneralDilated(lhs, rhs, windowStrides, padding, lhsDilation, rhsDilation, dimensionNumbers,
                featureGroupCount, batchGroupCount, precision, preferredElementType);
    }

    /** {@code conv_general_dilated} without grouping, precision or preferred dtype. */
    public static Array convGeneralDilated(Array lhs, Array rhs, int[] windowStrides, Object padding, int[] lhsDilation,
            int[] rhsDilation, Object dimensionNumbers) {
        return convGeneralDilated(lhs, rhs, windowStrides, padding, lhsDilation, rhsDilation, dimensionNumbers, 1, 1, null, null);
    }

    /** {@code conv_general_dilated} with default dilations and layouts (NCHW, OIHW, NCHW). */
    public static Array convGeneralDilated(Array lhs, Array rhs, int[] windowStrides, Object padding) {
        return convGeneralDilated(lhs, rhs, windowStrides, padding, null, null, null);
    }

    /** {@code lax.conv}: NCHW/OIHW convolution with {@code "SAME"}/{@code "VALID"} padding. */
    public static Array conv(Array lhs, Array rhs, int[] windowStrides, String padding) {
        return convGeneralDilated(lhs, rhs, windowStrides, padding);
    }

    /** {@code lax.conv_with_general_padding}: NCHW/OIHW convolution with dilations. */
    public static Array convWithGeneralPadding(Array lhs, Array rhs, int[] windowStrides, Object padding, int[] lhsDilation,
            int[] rhsDilation) {
        return convGeneralDilated(lhs, rhs, windowStrides, padding, lhsDilation, rhsDilation, null);
    }

    /** {@code lax.conv_transpose} (TensorFlow layouts by default; {@code padding} of the forward convolution or pairs). */
    public static Array convTranspose(Array lhs, Array rhs, int[] strides, Object padding, int[] rhsDilation,
            Object dimensionNumbers, boolean transposeKernel, Precision precision, DType preferredElementType) {
        return WindowOps.convTranspose(lhs, rhs, strides, padding, rhsDilation, dimensionNumbers, transposeKernel, precision,
                preferredElementType);
    }

    /**
     * {@code lax.reduce_window} with {@code "add"}, {@code "max"} or {@code "min"} and its identity as {@code initValue}
     * (other computations throw {@link UnsupportedOperationException}); null strides and dilations are ones.
     */
    public static Array reduceWindow(Array operand, Number initValue, String computation, int[] windowDimensions,
            int[] windowStrides, Object padding, int[] baseDilation, int[] windowDilation) {
        return WindowOps.reduceWindow(operand, initValue, computation, windowDimensions, windowStrides, padding, baseDilation,
                windowDilation);
    }

    /** Sliding-window sum ({@code reduce_window_sum}). */
    public static Array reduceWindowSum(Array operand, int[] windowDimensions, int[] windowStrides, Object padding) {
        return reduceWindow(operand, 0, "add", windowDimensions, windowStrides, padding, null, null);
    }

    /** Sliding-window maximum ({@code reduce_window_max}). */
    public static Array reduceWindowMax(Array operand, int[] windowDimensions, int[] windowStrides, Object padding) {
        return WindowOps.reduceWindow(operand, WindowReduce.Monoid.MAX, windowDimensions, windowStrides, padding);
    }

    /** Sliding-window minimum ({@code reduce_window_min}). */
    public static Array reduceWindowMin(Array operand, int[] windowDimensions, int[] windowStrides, Object padding) {
        return WindowOps.reduceWindow(operand, WindowReduce.Monoid.MIN, windowDimensions, windowStrides, padding);
    }

    /** {@code select_and_gather_add}: per window of {@code operand}, the tangent at the selected element (max-pool JVP). */
    public static Array selectAndGatherAdd(Array tangents, Array operand, SelectAndScatterAdd.Select selectPrim,
            int[] windowDimensions, int[] windowStrides, Object padding, int[] baseDilation, int[] windowDilation) {
        return WindowOps.selectAndGatherAdd(tangents, operand, selectPrim, windowDimensions, windowStrides, padding,
                baseDilation, windowDilation);
    }

    /** {@code select_and_scatter_add}: each window's {@code source} value added at its selected element (max-pool VJP). */
    public static Array selectAndScatterAdd(Array source, Array operand, SelectAndScatterAdd.Select selectPrim,
            int[] windowDimensions, int[] windowStrides, Object padding) {
        return WindowOps.selectAndScatterAdd(source, operand, selectPrim, windowDimensions, windowStrides, padding);
    }

    /** Elementwise {@code abs}. */
    public static Array abs(Array x) { return Trace.bind1(new Abs(), x); }

    /** Elementwise {@code acos}. */
    public static Array acos(Array x) { return Trace.bind1(new Acos(), x); }

    /** Elementwise {@code acosh}. */
    public static Array acosh(Array x) { return Trace.bind1(new Acosh(), x); }

    /** Elementwise {@code asin}. */
    public static Array asin(Array x) { return Trace.bind1(new Asin(), x); }

    /** Elementwise {@code asinh}. */
    public static Array asinh(Array x) { return Trace.bind1(new Asinh(), x); }

    /** Elementwise {@code atan}. */
    public static Array atan(Array x) { return Trace.bind1(new Atan(), x); }

    /** Elementwise {@code atanh}. */
    public static Array atanh(Array x) { return Trace.bind1(new Atanh(), x); }

    /** Elementwise {@code cbrt}. */
    public static Array cbrt(Array x) { return Trace.bind1(new Cbrt(), x); }

    /** Elementwise {@code ceil}. */
    public static Array ceil(Array x) { return Trace.bind1(new Ceil(), x); }

    /** Elementwise {@code clz}. */
    public static Array clz(Array x) { return Trace.bind1(new Clz(), x); }

    /** Elementwise {@code copy}. */
    public static Array copy(Array x) { return Trace.bind1(new Copy(), x); }

    /** Elementwise {@code cos}. */
    public static Array cos(Array x) { return Trace.bind1(new Cos(), x); }

    /** Elementwise {@code cosh}. */
    public static Array cosh(Array x) { return Trace.bind1(new Cosh(), x); }

    /** Elementwise {@code exp}. */
    public static Array exp(Array x) { return Trace.bind1(new Exp(), x); }

    /** Elementwise {@code exp2}. */
    public static Array exp2(Array x) { return Trace.bind1(new Exp2(), x); }

    /** Elementwise {@code expm1}. */
    public static Array expm1(Array x) { return Trace.bind1(new Expm1(), x); }

    /** Elementwise {@code floor}. */
    public static Array floor(Array x) { return Trace.bind1(new Floor(), x); }

    /** Elementwise {@code isfinite}. */
    public static Array isFinite(Array x) { return Trace.bind1(new IsFinite(), x); }

    /** Elementwise {@code log}. */
    public static Array log(Array x) { return Trace.bind1(new Log(), x); }

    /** Elementwise {@code log1p}. */
    public static Array log1p(Array x) { return Trace.bind1(new Log1p(), x); }

    /** Elementwise {@code logistic}. */
    public static Array logistic(Array x) { return Trace.bind1(new Logistic(), x); }

    /** Elementwise {@code neg}. */
    public static Array neg(Array x) { return Trace.bind1(new Neg(), x); }

    /** Elementwise {@code not}. */
    public static Array bitwiseNot(Array x) { return Trace.bind1(new Not(), x); }

    /** Elementwise {@code populationcount}. */
    public static Array populationCount(Array x) { return Trace.bind1(new PopulationCount(), x); }

    /** Elementwise {@code rsqrt}. */
    public static Array rsqrt(Array x) { return Trace.bind1(new Rsqrt(), x); }

    /** Elementwise {@code sign}. */
    public static Array sign(Array x) { return Trace.bind1(new Sign(), x); }

    /** Elementwise {@code sin}. */
    public static Array sin(Array x) { return Trace.bind1(new Sin(), x); }

    /** Elementwise {@code sinh}. */
    public static Array sinh(Array x) { return Trace.bind1(new Sinh(), x); }

    /** Elementwise {@code sqrt}. */
    public static Array sqrt(Array x) { return Trace.bind1(new Sqrt(), x); }

    /** Elementwise {@code square}. */
    public static Array square(Array x) { return Trace.bind1(new Square(), x); }

    /** Elementwise {@code tan}. */
    public static Array tan(Array x) { return Trace.bind1(new Tan(), x); }

    /** Elementwise {@code tanh}. */
    public static Array tanh(Array x) { return Trace.bind1(new Tanh(), x); }

    /** Elementwise {@code add}; operands must have equal dtypes and compatible shapes. */
    public static Array add(Array x, Array y) { return Trace.bind1(new Add(), x, y); }

    /** Elementwise {@code and}; operands must have equal dtypes and compatible shapes. */
    public static Array bitwiseAnd(Array x, Array y) { return Trace.bind1(new And(), x, y); }

    /** Elementwise {@code atan2}; operands must have equal dtypes and compatible shapes. */
    public static Array atan2(Array x, Array y) { return Trace.bind1(new Atan2(), x, y); }

    /** Elementwise {@code div}; operands must have equal dtypes and compatible shapes. */
    public static Array div(Array x, Array y) { return Trace.bind1(new Div(), x, y); }

    /** Elementwise {@code eq}; operands must have equal dtypes and compatible shapes. */
    public static Array eq(Array x, Array y) { return Trace.bind1(new Eq(), x, y); }

    /** Elementwise {@code ge}; operands must have equal dtypes and compatible shapes. */
    public static Array ge(Array x, Array y) { return Trace.bind1(new Ge(), x, y); }

    /** Elementwise {@code gt}; operands must have equal dtypes and compatible shapes. */
    public static Array gt(Array x, Array y) { return Trace.bind1(new Gt(), x, y); }

    /** Elementwise {@code le}; operands must have equal dtypes and compatible shapes. */
    public static Array le(Array x, Array y) { return Trace.bind1(new Le(), x, y); }

    /** Elementwise {@code lt}; operands must have equal dtypes and compatible shapes. */
    public static Array lt(Array x, Array y) { return Trace.bind1(new Lt(), x, y); }

    /** Elementwise {@code max}; operands must have equal dtypes and compatible shapes. */
    public static Array max(Array x, Array y) { return Trace.bind1(new Max(), x, y); }

    /** Elementwise {@code min}; operands must have equal dtypes and compatible shapes. */
    public static Array min(Array x, Array y) { return Trace.bind1(new Min(), x, y); }

    /** Elementwise {@code mul}; operands must have equal dtypes and compatible shapes. */
    public static Array mul(Array x, Array y) { return Trace.bind1(new Mul(), x, y); }

    /** Elementwise {@code ne}; operands must have equal dtypes and compatible shapes. */
    public static Array ne(Array x, Array y) { return Trace.bind1(new Ne(), x, y); }

    /** Elementwise {@code nextafter}; operands must have equal dtypes and compatible shapes. */
    public static Array nextafter(Array x, Array y) { return Trace.bind1(new Nextafter(), x, y); }

    /** Elementwise {@code or}; operands must have equal dtypes and compatible shapes. */
    public static Array bitwiseOr(Array x, Array y) { return Trace.bind1(new Or(), x, y); }

    /** Elementwise {@code pow}; operands must have equal dtypes and compatible shapes. */
    public static Array pow(Array x, Array y) { return Trace.bind1(new Pow(), x, y); }

    /** Elementwise {@code rem}; operands must have equal dtypes and compatible shapes. */
    public static Array rem(Array x, Array y) { return Trace.bind1(new Rem(), x, y); }

    /** Elementwise {@code shiftleft}; operands must have equal dtypes and compatible shapes. */
    public static Array shiftLeft(Array x, Array y) { return Trace.bind1(new ShiftLeft(), x, y); }

    /** Elementwise {@code shiftrightarithmetic}; operands must have equal dtypes and compatible shapes. */
    public static Array shiftRightArithmetic(Array x, Array y) { return Trace.bind1(new ShiftRightArithmetic(), x, y); }

    /** Elementwise {@code shiftrightlogical}; operands must have equal dtypes and compatible shapes. */
    public static Array shiftRightLogical(Array x, Array y) { return Trace.bind1(new ShiftRightLogical(), x, y); }

    /** Elementwise {@code sub}; operands must have equal dtypes and compatible shapes. */
    public static Array sub(Array x, Array y) { return Trace.bind1(new Sub(), x, y); }

    /** Elementwise {@code xor}; operands must have equal dtypes and compatible shapes. */
    public static Array bitwiseXor(Array x, Array y) { return Trace.bind1(new Xor(), x, y); }

    // == section: shape ==

    /** Converts {@code x} to {@code dtype} (strongly typed). */
    public static Array convertElementType(Array x, DType dtype) {
        return convertElementType(x, dtype.canonicalize(), false);
    }

    /** Converts {@code x} to {@code dtype} with the given weak flag. */
    public static Array convertElementType(Array x, DType dtype, boolean weakType) {
        return Trace.bind1(new ConvertElementType(dtype, weakType), x);
    }

    /** Broadcasts {@code x} to {@code shape}, operand dim i going to {@code broadcastDimensions[i]}. */
    public static Array broadcastInDim(Array x, int[] shape, int... broadcastDimensions) {
        return Trace.bind1(new BroadcastInDim(Shape.of(shape), Ints.of(broadcastDimensions)), x);
    }

    /** Row-major reshape. */
    public static Array reshape(Array x, int... newSizes) {
        return Trace.bind1(new Reshape(Ints.of(newSizes), null), x);
    }

    /** Removes the given size-1 dimensions. */
    public static Array squeeze(Array x, int... dimensions) {
        return Trace.bind1(new Squeeze(Ints.of(dimensions)), x);
    }

    /** Permutes the axes. */
    public static Array transpose(Array x, int... permutation) {
        return Trace.bind1(new Transpose(Ints.of(permutation)), x);
    }

    /** The static slice {@code [start, limit)} with the given strides (null for unit strides). */
    public static Array slice(Array x, int[] startIndices, int[] limitIndices, int[] strides) {
        return Trace.bind1(new Slice(Ints.of(startIndices), Ints.of(limitIndices),
                strides == null ? null : Ints.of(strides)), x);
    }

    /** Stacks equally-shaped arrays along a new axis. */
    public static Array stack(java.util.List<Array> xs, int axis) {
        return Trace.bind1(new Stack(axis), xs.toArray(Array[]::new));
    }

    /** Chooses elementwise among {@code cases} by {@code which} (bool: case 0 when false). */
    public static Array selectN(Array which, Array... cases) {
        Array[] args = new Array[cases.length + 1];
        args[0] = which;
        System.arraycopy(cases, 0, args, 1, cases.length);
        return Trace.bind1(new SelectN(), args);
    }

    /** {@code select(pred, onTrue, onFalse)}, as {@code lax.select}. */
    public static Array select(Array pred, Array onTrue, Array onFalse) { return selectN(pred, onFalse, onTrue); }

    /** The index ramp along {@code dimension} of an array of {@code shape}. */
    public static Array broadcastedIota(DType dtype, int[] shape, int dimension) {
        return Trace.bind1(new Iota(dimension, dtype, Shape.of(shape)));
    }

    /** {@code [0, 1, ..., size - 1]}. */
    public static Array iota(DType dtype, int size) { return broadcastedIota(dtype, new int[] {size}, 0); }

    // == section: shape-movement (jnp-shape) ==

    /** Joins arrays of equal dtype along the existing axis {@code dimension}. */
    public static Array concatenate(java.util.List<Array> xs, int dimension) {
        return Trace.bind1(new Concatenate(dimension), xs.toArray(Array[]::new));
    }

    /** Splits {@code x} along {@code axis} into pieces of the given sizes. */
    public static java.util.List<Array> split(Array x, int[] sizes, int axis) {
        return Trace.bind(new Split(axis, PyInt.list(sizes, false)), x);
    }

    /** Pads {@code x} with the scalar {@code paddingValue}; {@code config[k] = {low, high, interior}}. */
    public static Array pad(Array x, Array paddingValue, int[][] config) {
        return Trace.bind1(Pad.of(config), x, paddingValue);
    }

    /** Reverses {@code x} along {@code dimensions}. */
    public static Array rev(Array x, int... dimensions) {
        return Trace.bind1(new Rev(Ints.of(dimensions)), x);
    }

    /** Repeats the whole of {@code x} {@code reps[k]} times along each axis. */
    public static Array tile(Array x, int... reps) {
        return Trace.bind1(new Tile(Ints.of(reps)), x);
    }

    // == section: indexing (jnp-shape) ==

    /**
     * {@code lax.dynamic_slice}: the box of {@code sliceSizes} at run-time start indices, one per
     * dimension: Java ints (static) or scalar integer arrays. Negative starts count from the end (as
     * JAX's {@code allow_negative_indices=True}); then starts are clamped so that the box fits.
     */
    public static Array dynamicSlice(Array x, java.util.List<?> starts, int... sliceSizes) {
        java.util.List<Array> idx = DynamicIndices.normalize("dynamic_slice", x, starts);
        Array[] args = new Array[idx.size() + 1];
        args[0] = x;
        for (int i = 0; i < idx.size(); i++) args[i + 1] = idx.get(i);
        return Trace.bind1(new DynamicSlice(Ints.of(sliceSizes)), args);
    }

    /**
     * {@code lax.dynamic_update_slice}: {@code x} with {@code update} written at run-time start indices
     * (Java ints or scalar integer arrays; negative ones count from the end), clamped so that it fits.
     */
    public static Array dynamicUpdateSlice(Array x, Array update, java.util.List<?> starts) {
        java.util.List<Array> idx = DynamicIndices.normalize("dynamic_update_slice", x, starts);
        Array[] args = new Array[idx.size() + 2];
        args[0] = x;
        args[1] = update;
        for (int i = 0; i < idx.size(); i++) args[i + 2] = idx.get(i);
        return Trace.bind1(new DynamicUpdateSlice(), args);
    }

    /** XLA Gather with JAX's parameters ({@code mode} null means PROMISE_IN_BOUNDS, as {@code lax.gather}). */
    public static Array gather(Array x, Array indices, GatherDimensionNumbers dimensionNumbers, int[] sliceSizes,
            boolean indicesAreSorted, boolean uniqueIndices, GatherScatterMode mode, Object fillValue) {
        GatherScatterMode m = mode == null ? GatherScatterMode.PROMISE_IN_BOUNDS : mode;
        return Trace.bind1(new Gather(dimensionNumbers, fillValue, indicesAreSorted, m, Ints.of(sliceSizes),
                uniqueIndices), x, indices);
    }

    /** XLA Gather with JAX's defaults (PROMISE_IN_BOUNDS, no hints). */
    public static Array gather(Array x, Array indices, GatherDimensionNumbers dimensionNumbers, int... sliceSizes) {
        return gather(x, indices, dimensionNumbers, sliceSizes, false, false, null, null);
    }

    /** The scatter kinds, one per primitive of the family. */
    public enum ScatterKind {
        /** {@code scatter}. */ SET,
        /** {@code scatter-add}. */ ADD,
        /** {@code scatter-sub}. */ SUB,
        /** {@code scatter-mul}. */ MUL,
        /** {@code scatter-min}. */ MIN,
        /** {@code scatter-max}. */ MAX
    }

    /** A scatter of the given kind ({@code mode} null means FILL_OR_DROP, as {@code lax.scatter*}). */
    public static Array scatter(ScatterKind kind, Array x, Array indices, Array updates,
            ScatterDimensionNumbers dimensionNumbers, boolean indicesAreSorted, boolean uniqueIndices,
            GatherScatterMode mode) {
        GatherScatterMode m = mode == null ? GatherScatterMode.FILL_OR_DROP : mode;
        ScatterDimensionNumbers dn = dimensionNumbers;
        boolean s = indicesAreSorted, u = uniqueIndices;
        ScatterPrimitive p = switch (kind) {
            case SET -> new Scatter(dn, s, m, u, x.dtype());
            case ADD -> new ScatterAdd(dn, s, m, u, x.dtype());
            case SUB -> new ScatterSub(dn, s, m, u, x.dtype());
            case MUL -> new ScatterMul(dn, s, m, u, x.dtype());
            case MIN -> new ScatterMin(dn, s, m, u, x.dtype());
            case MAX -> new ScatterMax(dn, s, m, u, x.dtype());
        };
        return Trace.bind1(p, x, indices, updates);
    }

    /** {@code lax.scatter} with JAX's defaults. */
    public static Array scatter(Array x, Array indices, Array updates, ScatterDimensionNumbers dimensionNumbers) {
        return scatter(ScatterKind.SET, x, indices, updates, dimensionNumbers, false, false, null);
    }

    /** {@code lax.scatter_add} with JAX's defaults. */
    public static Array scatterAdd(Array x, Array indices, Array updates, ScatterDimensionNumbers dimensionNumbers) {
        return scatter(ScatterKind.ADD, x, indices, updates, dimensionNumbers, false, false, null);
    }

    // == section: linalg (jnp-shape) ==

    /** {@code lax.dot_general}: contraction with batch dimensions; see {@link DotGeneral}. */
    public static Array dotGeneral(Array x, Array y, DotDimensionNumbers dimensionNumbers, Precision precision,
            DType preferredElementType) {
        return Trace.bind1(new DotGeneral(dimensionNumbers, precision, preferredElementType), x, y);
    }

    /** {@code lax.dot_general} without precision or preferred type. */
    public static Array dotGeneral(Array x, Array y, DotDimensionNumbers dimensionNumbers) {
        return dotGeneral(x, y, dimensionNumbers, null, null);
    }

    /** Sorts operands together along {@code dimension}, keyed by the first {@code numKeys}. */
    public static java.util.List<Array> sort(java.util.List<Array> operands, int dimension, boolean isStable, int numKeys) {
        return Trace.bind(new Sort(dimension, isStable, numKeys), operands);
    }

    /** Sorts one array along its last axis. */
    public static Array sort(Array x) {
        return sort(java.util.List.of(x), x.ndim() - 1, true, 1).getFirst();
    }

    /** The {@code k} largest entries along the last axis and their int32 indices. */
    public static java.util.List<Array> topK(Array x, int k) {
        if (x.ndim() == 0) throw new IllegalArgumentException("top_k: the operand must have at least one dimension");
        return Trace.bind(new TopK(x.ndim() - 1, k), x);
    }

    // == section: random ==

    /**
     * The Threefry-2x32 hash of counters {@code (x0, x1)} under keys {@code (k0, k1)}, all uint32,
     * broadcast together; returns {@code [y0, y1]}.
     */
    public static java.util.List<Array> threefry2x32(Array k0, Array k1, Array x0, Array x1) {
        return Trace.bind(new Threefry2x32(), k0, k1, x0, x1);
    }

    /**
     * {@code random_gamma}: Gamma(a) samples (their logs when {@code logSpace}) from a key array
     * ({@code key<fry>}) whose shape prefixes a's, one per element of {@code a}, in the current
     * partitionable mode.
     */
    public static Array randomGamma(Array keys, Array a, boolean logSpace) {
        return Trace.bind1(new RandomGamma(logSpace, dev.jaxvm.Jax.config().threefryPartitionable()), keys, a);
    }

    /** The lower Cholesky factor of each matrix of {@code x} ({@code cholesky_p}; NaNs when not positive definite). */
    public static Array cholesky(Array x) { return Trace.bind1(new Cholesky(), x); }

    /** The QR decomposition of each matrix of {@code x}: {@code [q, r]} ({@code qr_p}). */
    public static java.util.List<Array> qr(Array x, boolean fullMatrices) {
        return Trace.bind(new Qr(fullMatrices), x);
    }

    // == section: reductions ==

    /** Sum over {@code axes}. */
    public static Array reduceSum(Array x, int... axes) {
        return Trace.bind1(new ReduceSum(Ints.of(axes)), x);
    }

    // == section: jnp-elem ==

    /** Elementwise {@code round}: halfway cases away from zero (method 0) or to even (method 1). */
    public static Array round(Array x, int roundingMethod) { return Trace.bind1(new Round(roundingMethod), x); }

    /** {@code x ** y} for a static int exponent ({@code integer_pow}). */
    public static Array integerPow(Array x, int y) { return Trace.bind1(new IntegerPow(y), x); }

    /** Elementwise error function. */
    public static Array erf(Array x) { return Trace.bind1(new Erf(), x); }

    /** Elementwise complementary error function. */
    public static Array erfc(Array x) { return Trace.bind1(new Erfc(), x); }

    /** Elementwise inverse error function. */
    public static Array erfInv(Array x) { return Trace.bind1(new ErfInv(), x); }

    /** Elementwise log-gamma. */
    public static Array lgamma(Array x) { return Trace.bind1(new Lgamma(), x); }

    /** Elementwise digamma. */
    public static Array digamma(Array x) { return Trace.bind1(new Digamma(), x); }

    /** {@code min(max(x, lo), hi)}; bounds are scalars or of x's shape, all of x's dtype. */
    public static Array clamp(Array lo, Array x, Array hi) { return Trace.bind1(new Clamp(), lo, x, hi); }

    /** Rounds to a float format with the given exponent and mantissa widths. */
    public static Array reducePrecision(Array x, int exponentBits, int mantissaBits) {
        return Trace.bind1(new ReducePrecision(exponentBits, mantissaBits), x);
    }

    /** Reinterprets the bits of {@code x} as {@code dtype}. */
    public static Array bitcastConvertType(Array x, DType dtype) {
        return Trace.bind1(new BitcastConvertType(dtype.canonicalize()), x);
    }

    /** Maximum over {@code axes}. */
    public static Array reduceMax(Array x, int... axes) { return Trace.bind1(new ReduceMax(Ints.of(axes)), x); }

    /** Minimum over {@code axes}. */
    public static Array reduceMin(Array x, int... axes) { return Trace.bind1(new ReduceMin(Ints.of(axes)), x); }

    /** Product over {@code axes}. */
    public static Array reduceProd(Array x, int... axes) { return Trace.bind1(new ReduceProd(Ints.of(axes)), x); }

    /** Logical (bool) or bitwise (int) and over {@code axes}. */
    public static Array reduceAnd(Array x, int... axes) { return Trace.bind1(new ReduceAnd(Ints.of(axes)), x); }

    /** Logical (bool) or bitwise (int) or over {@code axes}. */
    public static Array reduceOr(Array x, int... axes) { return Trace.bind1(new ReduceOr(Ints.of(axes)), x); }

    /** Logical (bool) or bitwise (int) xor over {@code axes}. */
    public static Array reduceXor(Array x, int... axes) { return Trace.bind1(new ReduceXor(Ints.of(axes)), x); }

    /** Index of the maximum along {@code axis} (first on ties; NaN wins). */
    public static Array argmax(Array x, int axis, DType indexDtype) {
        return Trace.bind1(new Argmax(Ints.of(axis), indexDtype), x);
    }

    /** Index of the minimum along {@code axis} (first on ties; NaN wins). */
    public static Array argmin(Array x, int axis, DType indexDtype) {
        return Trace.bind1(new Argmin(Ints.of(axis), indexDtype), x);
    }

    /** Inclusive prefix sum along {@code axis}. */
    public static Array cumsum(Array x, int axis, boolean reverse) { return Trace.bind1(new Cumsum(axis, reverse), x); }

    /** Inclusive prefix product along {@code axis}. */
    public static Array cumprod(Array x, int axis, boolean reverse) { return Trace.bind1(new Cumprod(axis, reverse), x); }

    /** Inclusive prefix maximum along {@code axis}. */
    public static Array cummax(Array x, int axis, boolean reverse) { return Trace.bind1(new Cummax(axis, reverse), x); }

    /** Inclusive prefix minimum along {@code axis}. */
    public static Array cummin(Array x, int axis, boolean reverse) { return Trace.bind1(new Cummin(axis, reverse), x); }

    /** Inclusive prefix log-sum-exp along {@code axis}. */
    public static Array cumlogsumexp(Array x, int axis, boolean reverse) {
        return Trace.bind1(new Cumlogsumexp(axis, reverse), x);
    }

    // == section: autodiff ==

    /** {@code add_any}: the sum of two tangents or cotangents of the same type. */
    public static Array addAny(Array x, Array y) { return Trace.bind1(new AddAny(), x, y); }

    /** The identity, with a zero derivative: {@code grad} does not flow through it. */
    public static Array stopGradient(Array x) { return Trace.bind1(new StopGradient(), x); }

    /** {@link #stopGradient(Array)} on every array leaf of a pytree (JAX maps over it); other leaves pass through. */
    public static <T> T stopGradient(T tree) { return dev.jaxvm.tree.Tree.map(l -> l instanceof Array a ? stopGradient(a) : l, tree); }

    /** Splits {@code x} into its slices along {@code axis}. */
    public static java.util.List<Array> unstack(Array x, int axis) { return Trace.bind(new Unstack(axis), x); }
}
