package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * The NumPy API on jaxvm arrays ({@code jax.numpy}), in camelCase. Every function is written in
 * terms of {@link Lax} primitives, lowering as {@code jnp} does, so it traces, differentiates and
 * prints the same Jaxprs as JAX.
 *
 * <p>Arguments typed {@code Object} accept an {@link Array} or a Java scalar ({@code int},
 * {@code long}, {@code float}, {@code double}: weakly typed, as Python scalars; {@code boolean}).
 * Binary functions promote dtypes with JAX's lattice ({@link Promotion}) and broadcast shapes.
 *
 * {@snippet :
 * Array x = Jnp.arange(6).reshape(2, 3);
 * Array y = Jnp.sin(x).add(Jnp.cos(x).mul(2)).sum(0);
 * }
 */
public final class Jnp extends JnpMath {
    private Jnp() {}

    // == section: conv ==

    /** {@code jnp.convolve(a, v, mode)}: the 1-D discrete convolution, modes {@code "full"}, {@code "same"}, {@code "valid"}. */
    public static Array convolve(Object a, Object v, String mode) { return Convolve.conv1d(a, v, mode, "convolve", null, null); }

    /** {@code jnp.convolve(a, v)} in {@code "full"} mode. */
    public static Array convolve(Object a, Object v) { return convolve(a, v, "full"); }

    /**
     * {@code jnp.convolve} with precision and preferred element type (which keeps integer inputs
     * integer instead of promoting them to float).
     */
    public static Array convolve(Object a, Object v, String mode, dev.jaxvm.lax.Precision precision,
            DType preferredElementType) {
        return Convolve.conv1d(a, v, mode, "convolve", precision, preferredElementType);
    }

    /** {@code jnp.correlate(a, v, mode)}: the 1-D cross-correlation, default mode {@code "valid"}. */
    public static Array correlate(Object a, Object v, String mode) { return Convolve.conv1d(a, v, mode, "correlate", null, null); }

    /** {@code jnp.correlate(a, v)} in {@code "valid"} mode. */
    public static Array correlate(Object a, Object v) { return correlate(a, v, "valid"); }

    /** {@code jnp.correlate} with precision and preferred element type. */
    public static Array correlate(Object a, Object v, String mode, dev.jaxvm.lax.Precision precision,
            DType preferredElementType) {
        return Convolve.conv1d(a, v, mode, "correlate", precision, preferredElementType);
    }


    // == section: creation ==

    /** An array from a Java scalar, a (nested) Java primitive array, or an existing array. */
    public static Array array(Object value) { return Creation.array(value, null); }
    /** {@link #array(Object)} with an explicit dtype (strongly typed). */
    public static Array array(Object value, DType dtype) { return Creation.array(value, dtype); }
    /** As {@link #array(Object)}, but returns arrays unchanged. */
    public static Array asarray(Object value) { return value instanceof Array a ? a : array(value); }
    /** Zeros of the default float dtype. */
    public static Array zeros(int... shape) { return CreationOps.full(shape, 0.0, DType.defaultFloat()); }
    /** Zeros of the given dtype. */
    public static Array zeros(int[] shape, DType dtype) { return CreationOps.full(shape, 0, dtype); }
    /** Ones of the default float dtype. */
    public static Array ones(int... shape) { return CreationOps.full(shape, 1.0, DType.defaultFloat()); }
    /** Ones of the given dtype. */
    public static Array ones(int[] shape, DType dtype) { return CreationOps.full(shape, 1, dtype); }
    /** An array of {@code shape} filled with {@code fillValue}, of the value's dtype (Java numbers stay weak). */
    public static Array full(int[] shape, Object fillValue) { return CreationOps.full(shape, fillValue, null); }
    /** An array of {@code shape} filled with {@code fillValue} converted to {@code dtype}. */
    public static Array full(int[] shape, Object fillValue, DType dtype) { return CreationOps.full(shape, fillValue, dtype); }
    /** Zeros with x's shape and dtype. */
    public static Array zerosLike(Object x) { return CreationOps.fullLike(x, 0, null); }
    /** Zeros with x's shape and the given dtype. */
    public static Array zerosLike(Object x, DType dtype) { return CreationOps.fullLike(x, 0, dtype); }
    /** Ones with x's shape and dtype. */
    public static Array onesLike(Object x) { return CreationOps.fullLike(x, 1, null); }
    /** Ones with x's shape and the given dtype. */
    public static Array onesLike(Object x, DType dtype) { return CreationOps.fullLike(x, 1, dtype); }
    /** {@code fillValue} with x's shape and dtype. */
    public static Array fullLike(Object x, Object fillValue) { return CreationOps.fullLike(x, fillValue, null); }
    /** {@code fillValue} with x's shape and the given dtype. */
    public static Array fullLike(Object x, Object fillValue, DType dtype) { return CreationOps.fullLike(x, fillValue, dtype); }
    /** {@code [0, 1, ..., stop - 1]} as the default int ({@code iota}). */
    public static Array arange(int stop) { return CreationOps.arangeInt(stop, null, null, null); }
    /** {@code [start, start + 1, ..., stop - 1]}. */
    public static Array arange(int start, int stop) { return CreationOps.arangeInt(start, (long) stop, null, null); }
    /** {@code start, start + step, ...} while below (or, for negative steps, above) {@code stop}. */
    public static Array arange(int start, int stop, int step) {
        return CreationOps.arangeInt(start, (long) stop, (long) step, null);
    }

    /** Integer-bounded arange of the given dtype. */
    public static Array arange(int start, int stop, int step, DType dtype) {
        return dtype.isFloating() ? CreationOps.arangeFloat((double) start, (double) stop, (double) step, dtype)
                : CreationOps.arangeInt(start, (long) stop, (long) step, dtype);
    }

    /** {@code [0., 1., ..., ceil(stop) - 1]} as the default float. */
    public static Array arange(double stop) { return CreationOps.arangeFloat(stop, null, null, null); }
    /** Float arange from {@code start} by 1. */
    public static Array arange(double start, double stop) { return CreationOps.arangeFloat(start, stop, null, null); }
    /** Float arange ({@code ceil((stop - start) / step)} elements). */
    public static Array arange(double start, double stop, double step) { return CreationOps.arangeFloat(start, stop, step, null); }
    /** Float arange of the given float dtype. */
    public static Array arange(double start, double stop, double step, DType dtype) {
        return CreationOps.arangeFloat(start, stop, step, dtype);
    }

    /** {@code num} evenly spaced values from start to stop inclusive, of the default float dtype. */
    public static Array linspace(Object start, Object stop, int num) { return CreationOps.linspace(start, stop, num, true, null); }
    /** linspace with endpoint control and an optional dtype (integer dtypes floor the values). */
    public static Array linspace(Object start, Object stop, int num, boolean endpoint, DType dtype) {
        return CreationOps.linspace(start, stop, num, endpoint, dtype);
    }

    /** The n x n identity of the default float dtype. */
    public static Array eye(int n) { return CreationOps.eye(n, n, 0, null); }
    /** An n x m array with ones on diagonal k (k > 0 above the main diagonal); dtype null: default float. */
    public static Array eye(int n, int m, int k, DType dtype) { return CreationOps.eye(n, m, k, dtype); }
    /** The n x n identity. */
    public static Array identity(int n) { return CreationOps.eye(n, n, 0, null); }
    /** The n x n identity of {@code dtype}. */
    public static Array identity(int n, DType dtype) { return CreationOps.eye(n, n, 0, dtype); }
    /** Ones at and below the main diagonal of an n x n array. */
    public static Array tri(int n) { return CreationOps.tri(n, n, 0, null); }
    /** Ones at and below diagonal k of an n x m array; dtype null: default float. */
    public static Array tri(int n, int m, int k, DType dtype) { return CreationOps.tri(n, m, k, dtype); }
    /** A 1-D array as a diagonal matrix, or the diagonal of a 2-D array. */
    public static Array diag(Object v) { return Diag.diag(v, 0); }
    /** {@link #diag(Object)} on diagonal k (k > 0 above the main diagonal). */
    public static Array diag(Object v, int k) { return Diag.diag(v, k); }
    /** Coordinate matrices from 1-D arrays, Cartesian ("xy") indexing as NumPy's default. */
    public static List<Array> meshgrid(Object... xs) { return CreationOps.meshgrid(false, xs); }
    /** Coordinate matrices with matrix ("ij", {@code ij = true}) or Cartesian ("xy") indexing. */
    public static List<Array> meshgrid(boolean ij, Object... xs) { return CreationOps.meshgrid(ij, xs); }

    // == section: elementwise ==
    // (jnp-elem: elementwise functions and reductions live in JnpMath, which this class extends)

    // == section: io ==

    /**
     * Saves an array as NumPy's {@code .npy} (appending {@code .npy} to a name without it, as
     * {@code np.save}); returns the path written. bfloat16 is stored as {@code '<V2'}, as
     * {@code jnp.save} does. The file is replaced atomically: a failure leaves no partial file.
     *
     * @throws IOException on a write error
     * @throws IllegalArgumentException for a traced array
     */
    public static java.nio.file.Path save(java.nio.file.Path path, Array x) throws java.io.IOException {
        return NpyIo.save(path, x);
    }

    /**
     * Loads a {@code .npy} file (either byte order, C order; {@code V2} data as bfloat16, as
     * {@code jnp.load}); 64-bit data becomes 32-bit unless x64 is enabled.
     *
     * @throws java.io.IOException naming the file if it is unreadable, corrupt, truncated or Fortran-ordered
     */
    public static Array load(java.nio.file.Path path) throws java.io.IOException { return NpyIo.load(path); }
    /**
     * Saves arrays into an uncompressed {@code .npz} archive ({@code np.savez}), one {@code <name>.npy}
     * entry per map entry, in the map's order; appends {@code .npz} to a name without it.
     *
     * @throws java.io.IOException on a write error
     */
    public static java.nio.file.Path savez(java.nio.file.Path path, java.util.Map<String, ? extends Array> arrays)
            throws java.io.IOException {
        return NpyIo.savez(path, arrays);
    }

    /**
     * Loads every array of a {@code .npz} archive (compressed or not), keyed by name without
     * {@code .npy}, in archive order.
     *
     * @throws java.io.IOException naming the file and entry if the archive or an entry is corrupt
     */
    public static java.util.Map<String, Array> loadNpz(java.nio.file.Path path) throws java.io.IOException {
        return NpyIo.loadNpz(path);
    }

    // == section: shape ==

    /** Row-major reshape; one size may be -1. */
    public static Array reshape(Object x, int... newShape) {
        Array a = asarray(x);
        int[] shape = Axes.resolveReshape(a.shape(), newShape);
        return java.util.Arrays.equals(shape, a.shape()) ? a : Lax.reshape(a, shape);
    }

    /** Permutes the axes (reverses them when none are given). */
    public static Array transpose(Object x, int... axes) {
        Array a = asarray(x);
        int r = a.ndim();
        int[] perm = new int[r];
        if (axes.length == 0) {
            for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        } else {
            if (axes.length != r) throw new IllegalArgumentException("transpose: axes " + java.util.Arrays.toString(axes)
                    + " don't match array of dimension " + r);
            for (int i = 0; i < r; i++) perm[i] = Axes.normalize("transpose", axes[i], r);
        }
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= perm[i] == i;
        return identity ? a : Lax.transpose(a, perm);
    }

    /** Removes the given size-1 axes, or all size-1 axes when none are given. */
    public static Array squeeze(Object x, int... axes) {
        Array a = asarray(x);
        int[] shape = a.shape();
        List<Integer> dims = new ArrayList<>();
        if (axes.length == 0) {
            for (int i = 0; i < shape.length; i++) if (shape[i] == 1) dims.add(i);
        } else {
            for (int ax : Axes.canonical("squeeze", axes, shape.length)) dims.add(ax);
        }
        return dims.isEmpty() ? a : Lax.squeeze(a, dims.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Inserts size-1 axes at the given positions of the result. */
    public static Array expandDims(Object x, int... axes) {
        Array a = asarray(x);
        int outRank = a.ndim() + axes.length;
        boolean[] isNew = new boolean[outRank];
        for (int ax : axes) {
            int k = Axes.normalize("expand_dims", ax, outRank);
            if (isNew[k]) throw new IllegalArgumentException("expand_dims: repeated axis " + ax);
            isNew[k] = true;
        }
        int[] shape = new int[outRank];
        int[] dims = new int[a.ndim()];
        int[] in = a.shape();
        for (int i = 0, j = 0; i < outRank; i++) {
            if (isNew[i]) shape[i] = 1;
            else {
                shape[i] = in[j];
                dims[j++] = i;
            }
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    /** Broadcasts {@code x} to {@code shape} with NumPy's rules. */
    public static Array broadcastTo(Object x, int... shape) {
        Array a = asarray(x);
        int[] in = a.shape();
        if (java.util.Arrays.equals(in, shape)) return a;
        int r = shape.length;
        if (in.length > r) throw incompatibleBroadcast(in, shape);
        int[] dims = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int k = r - in.length + i;
            if (in[i] != 1 && in[i] != shape[k]) throw incompatibleBroadcast(in, shape);
            dims[i] = k;
        }
        return Lax.broadcastInDim(a, shape, dims);
    }

    private static IllegalArgumentException incompatibleBroadcast(int[] in, int[] shape) {
        return new IllegalArgumentException("Incompatible shapes for broadcasting: " + dev.jaxvm.core.Py.tuple(in)
                + " and requested shape " + dev.jaxvm.core.Py.tuple(shape));
    }

    /** Stacks arrays along a new axis. */
    public static Array stack(List<? extends Object> arrays, int axis) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("Need at least one array to stack.");
        List<Array> xs = Promote.promoteArgs("stack", arrays.toArray());
        int r = xs.getFirst().ndim();
        return Lax.stack(xs, Axes.normalize("stack", axis, r + 1));
    }

    /** Stacks arrays along a new first axis. */
    public static Array stack(List<? extends Object> arrays) { return stack(arrays, 0); }

    /** The array flattened to one dimension (row-major), as a {@code reshape}. */
    public static Array ravel(Object x) { return Shapes.ravel(x); }

    /** Swaps two axes ({@code transpose}). */
    public static Array swapaxes(Object x, int axis1, int axis2) { return Shapes.swapaxes(x, axis1, axis2); }

    /** Moves axis {@code source} to position {@code destination} ({@code transpose}). */
    public static Array moveaxis(Object x, int source, int destination) {
        return Shapes.moveaxis(x, new int[] {source}, new int[] {destination});
    }

    /** Moves several axes to new positions; the other axes keep their order. */
    public static Array moveaxis(Object x, int[] source, int[] destination) {
        return Shapes.moveaxis(x, source, destination);
    }

    /** The arrays broadcast against each other to their common shape. */
    public static List<Array> broadcastArrays(Object... xs) { return Shapes.broadcastArrays(xs); }

    /**
     * Joins arrays along an existing axis, promoting dtypes; {@code axis} null flattens them first.
     *
     * @throws IllegalArgumentException if the list is empty, an array is 0-d, or shapes differ off the axis
     */
    public static Array concatenate(List<? extends Object> arrays, Integer axis) { return Shapes.concatenate(arrays, axis); }

    /** Joins arrays along axis 0. */
    public static Array concatenate(List<? extends Object> arrays) { return Shapes.concatenate(arrays, 0); }

    /** Joins arrays column-wise: along axis 1, or axis 0 for 1-d arrays (scalars become 1-d). */
    public static Array hstack(List<? extends Object> arrays) { return Shapes.hstack(arrays); }

    /** Joins arrays row-wise, along axis 0 after making each at least 2-d. */
    public static Array vstack(List<? extends Object> arrays) { return Shapes.vstack(arrays); }

    /**
     * Splits into {@code sections} equal pieces along {@code axis}.
     *
     * @throws IllegalArgumentException if the axis size is not divisible by {@code sections}
     */
    public static List<Array> split(Object x, int sections, int axis) { return Shapes.split(x, sections, axis); }

    /** Splits into equal pieces along axis 0. */
    public static List<Array> split(Object x, int sections) { return Shapes.split(x, sections, 0); }

    /** Splits along {@code axis} before each of the (non-decreasing) {@code indices}. */
    public static List<Array> split(Object x, int[] indices, int axis) { return Shapes.split(x, indices, axis); }

    /** Repeats the whole array {@code reps[k]} times along each axis (leading axes are added as needed). */
    public static Array tile(Object x, int... reps) { return Shapes.tile(x, reps); }

    /** Repeats each element {@code repeats} times along {@code axis} (null: of the flattened array). */
    public static Array repeat(Object x, int repeats, Integer axis) { return Shapes.repeat(x, repeats, axis); }

    /** Repeats element {@code i} along {@code axis} {@code repeats[i]} times (null axis: flattened). */
    public static Array repeat(Object x, int[] repeats, Integer axis) { return Shapes.repeat(x, repeats, axis); }

    /** Reverses the order of elements along the given axes (all axes when none are given). */
    public static Array flip(Object x, int... axes) { return Shapes.flip(x, axes); }

    /** Rolls elements by {@code shift} along {@code axis}; null axis rolls the flattened array. */
    public static Array roll(Object x, int shift, Integer axis) {
        return Shapes.roll(x, new int[] {shift}, axis == null ? null : new int[] {axis});
    }

    /** Rolls by {@code shifts[k]} along {@code axes[k]} (one of them may have a single element, broadcast). */
    public static Array roll(Object x, int[] shifts, int[] axes) { return Shapes.roll(x, shifts, axes); }

    /**
     * Pads with zeros: {@code padWidth} is {@code {{before, after}, ...}} per axis, or one pair for all.
     *
     * {@snippet :
     * Array p = Jnp.pad(Jnp.ones(2, 2), new int[][] {{1, 1}});   // 4x4, ones in the middle
     * }
     */
    public static Array pad(Object x, int[][] padWidth) { return Padding.pad(x, padWidth, "constant", null); }

    /** Pads every axis by {@code width} on both sides with zeros. */
    public static Array pad(Object x, int width) { return Padding.pad(x, new int[][] {{width, width}}, "constant", null); }

    /**
     * Pads with a NumPy mode: {@code "constant"}, {@code "edge"}, {@code "reflect"}, {@code "symmetric"}
     * or {@code "wrap"}.
     */
    public static Array pad(Object x, int[][] padWidth, String mode) { return Padding.pad(x, padWidth, mode, null); }

    /** Constant padding with {@code constantValues} (a scalar, or per-axis (before, after) values). */
    public static Array pad(Object x, int[][] padWidth, String mode, Object constantValues) {
        return Padding.pad(x, padWidth, mode, constantValues);
    }

    /** This array converted to {@code dtype}. */
    public static Array astype(Object x, DType dtype) { return Lax.convertElementType(asarray(x), dtype.canonicalize()); }

    // == section: linalg ==

    /**
     * NumPy's {@code dot}: the sum product over the last axis of {@code x} and the second-to-last of
     * {@code y} (the last when {@code y} is 1-d); a scalar operand multiplies.
     */
    public static Array dot(Object x, Object y) { return Linalg.dot(x, y); }

    /**
     * Matrix product with NumPy's {@code matmul} rules: 1-d operands are promoted to matrices and back,
     * leading batch dimensions broadcast.
     *
     * {@snippet :
     * Array c = Jnp.matmul(Jnp.ones(2, 3), Jnp.ones(3, 4));   // shape (2, 4), all 3.0
     * }
     *
     * @throws IllegalArgumentException if an operand is 0-d or the contracted sizes differ
     */
    public static Array matmul(Object x, Object y) { return Linalg.matmul(x, y); }

    /** Sum product over the last {@code axes} axes of {@code x} and the first {@code axes} of {@code y}. */
    public static Array tensordot(Object x, Object y, int axes) { return Linalg.tensordot(x, y, axes); }

    /** Sum product over {@code axesX[i]} of {@code x} paired with {@code axesY[i]} of {@code y}. */
    public static Array tensordot(Object x, Object y, int[] axesX, int[] axesY) {
        return Linalg.tensordot(x, y, axesX, axesY);
    }

    /**
     * Einstein summation with subscripts such as {@code "ij,jk->ik"} (or NumPy's implicit output).
     *
     * {@snippet :
     * Array t = Jnp.einsum("ii->", Jnp.ones(3, 3));          // trace: 3.0
     * }
     */
    public static Array einsum(String subscripts, Object... operands) { return Einsum.einsum(subscripts, operands); }

    /** The outer product of the flattened operands. */
    public static Array outer(Object x, Object y) { return Linalg.outer(x, y); }

    /** Sum product over the last axes of both operands. */
    public static Array inner(Object x, Object y) { return Linalg.inner(x, y); }

    /** The dot product of the flattened operands. */
    public static Array vdot(Object x, Object y) { return Linalg.vdot(x, y); }

    /** The sum of the main diagonal. */
    public static Array trace(Object x) { return Linalg.trace(x, 0, 0, 1); }

    /** The sum of the diagonal {@code offset} of the 2-d slices over {@code axis1} and {@code axis2}. */
    public static Array trace(Object x, int offset, int axis1, int axis2) { return Linalg.trace(x, offset, axis1, axis2); }

    // == section: sorting ==

    /** Sorted copy along the last axis (NaNs last). */
    public static Array sort(Object x) { return Sorting.sort(x, -1, true, false); }

    /** Sorted copy along {@code axis}; null sorts the flattened array. */
    public static Array sort(Object x, Integer axis) { return Sorting.sort(x, axis, true, false); }

    /** Sorted copy along {@code axis} (null: flattened), optionally in descending order. */
    public static Array sort(Object x, Integer axis, boolean descending) { return Sorting.sort(x, axis, true, descending); }

    /** The indices that sort {@code x} along the last axis (stable). */
    public static Array argsort(Object x) { return Sorting.argsort(x, -1, true, false); }

    /** The indices that sort {@code x} along {@code axis} (null: flattened), stable. */
    public static Array argsort(Object x, Integer axis) { return Sorting.argsort(x, axis, true, false); }

    /** The indices that sort {@code x} along {@code axis}, stable or not, ascending or descending. */
    public static Array argsort(Object x, Integer axis, boolean stable, boolean descending) {
        return Sorting.argsort(x, axis, stable, descending);
    }

    /**
     * The sorted distinct values of the flattened array. Concrete arrays only: the result's size depends
     * on the values.
     *
     * @throws dev.jaxvm.core.ConcretizationTypeError on a traced array
     */
    public static Array unique(Object x) { return Sorting.unique(x); }

    /**
     * The indices of the non-zero elements, one int32 array per dimension. Concrete arrays only.
     *
     * @throws dev.jaxvm.core.ConcretizationTypeError on a traced array
     */
    public static List<Array> nonzero(Object x) { return Sorting.nonzero(x); }

    /** Where {@code v}'s elements would be inserted into the sorted 1-d {@code a} (side "left"). */
    public static Array searchsorted(Object a, Object v) { return Sorting.searchsorted(a, v, "left"); }

    /** As {@link #searchsorted(Object, Object)} with side {@code "left"} or {@code "right"}. */
    public static Array searchsorted(Object a, Object v, String side) { return Sorting.searchsorted(a, v, side); }

    /** The abstract type of an array-like argument: Java scalars are weak (bool is strong). */
    static ArrayType typeOf(Object x) { return Promote.typeOf(x); }
}
