package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.numpy.Indexing;
import dev.jaxvm.numpy.Jnp;

/**
 * An immutable n-dimensional array, as {@code jax.Array}: concrete data ({@link DenseArray}) or,
 * inside a transformation, a {@link Tracer} standing for a value being traced.
 *
 * <p>The instance methods are the common {@link Jnp} functions, so code reads as NumPy does:
 * {@snippet :
 * Array a = Jnp.array(new float[][] {{1, 2}, {3, 4}});
 * Array b = a.mul(2).add(1).sum(0);           // Array([ 8., 14.], dtype=float32)
 * Array c = Jnp.zeros(6, 6).at("1:-1, 1:-1").set(Jnp.ones(4, 4));
 * }
 * Concrete arrays are shareable between threads. Methods that need concrete data ({@link #item()},
 * {@link #toFloatArray()}, ...) throw {@link dev.jaxvm.core.ConcretizationTypeError} on tracers.
 */
public sealed interface Array permits DenseArray, Tracer {

    /** The abstract value: shape, dtype and weak-type flag. */
    ArrayType type();

    /** The shape, as a fresh {@code int[]}. */
    default int[] shape() { return type().shape().dims(); }

    /** Number of dimensions. */
    default int ndim() { return type().rank(); }

    /** Number of elements. */
    default int size() { return type().size(); }

    /** The element type. */
    default DType dtype() { return type().dtype(); }

    /** Whether the dtype is weak (the array came from a Java scalar), as JAX's {@code weak_type}. */
    default boolean weakType() { return type().weakType(); }

    /**
     * Whether this array was deleted by donation to a jitted call ({@code jax.Array.is_deleted}; see
     * {@code JitFnN.donateArgnums}). Any use of a deleted array raises "Array has been deleted with shape=...".
     */
    default boolean isDeleted() { return false; }

    // ---- concrete data -------------------------------------------------------------------------

    /** This array's concrete data, or a {@link dev.jaxvm.core.ConcretizationTypeError} naming {@code what}. */
    private DenseArray concrete(String what) {
        return switch (this) {
            case DenseArray d -> d;
            case Tracer t -> throw t.concretizationError(what);
        };
    }

    /**
     * The single element as a Java {@code Boolean}, {@code Integer}, {@code Long}, {@code Float} or
     * {@code Double} (by dtype).
     *
     * @throws IllegalArgumentException if the array has more than one element
     */
    default Object item() { return concrete("item()").item(); }

    /** The elements, row-major, converted to float. */
    default float[] toFloatArray() {
        DenseArray d = concrete("toFloatArray()");
        float[] out = new float[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) Storage.getDouble(d.dtype(), d.buffer(), i);
        return out;
    }

    /** The elements, row-major, converted to double. */
    default double[] toDoubleArray() {
        DenseArray d = concrete("toDoubleArray()");
        double[] out = new double[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = Storage.getDouble(d.dtype(), d.buffer(), i);
        return out;
    }

    /** The elements, row-major, converted to int (floats truncate). */
    default int[] toIntArray() {
        DenseArray d = concrete("toIntArray()");
        int[] out = new int[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = (int) Storage.getLong(d.dtype(), d.buffer(), i);
        return out;
    }

    /** The elements, row-major, converted to long (floats truncate). */
    default long[] toLongArray() {
        DenseArray d = concrete("toLongArray()");
        long[] out = new long[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = Storage.getLong(d.dtype(), d.buffer(), i);
        return out;
    }

    /** The elements, row-major, as booleans (non-zero is true). */
    default boolean[] toBooleanArray() {
        DenseArray d = concrete("toBooleanArray()");
        boolean[] out = new boolean[d.size()];
        for (int i = 0; i < out.length; i++) out[i] = Storage.getBoolean(d.dtype(), d.buffer(), i);
        return out;
    }

    // ---- arithmetic (Jnp semantics: promotion and broadcasting) --------------------------------

    /** {@code this + y}. */
    default Array add(Object y) { return Jnp.add(this, y); }

    /** {@code this - y}. */
    default Array sub(Object y) { return Jnp.subtract(this, y); }

    /** {@code this * y}. */
    default Array mul(Object y) { return Jnp.multiply(this, y); }

    /** {@code this / y} (true division: integers give floats). */
    default Array div(Object y) { return Jnp.divide(this, y); }

    /** {@code this ** y}. */
    default Array pow(Object y) { return Jnp.power(this, y); }

    /** {@code -this}. */
    default Array neg() { return Jnp.negative(this); }

    /** Matrix product {@code this @ y}. */
    default Array matmul(Array y) { return Jnp.matmul(this, y); }

    /** {@code this < y}. */
    default Array lt(Object y) { return Jnp.less(this, y); }

    /** {@code this <= y}. */
    default Array le(Object y) { return Jnp.lessEqual(this, y); }

    /** {@code this > y}. */
    default Array gt(Object y) { return Jnp.greater(this, y); }

    /** {@code this >= y}. */
    default Array ge(Object y) { return Jnp.greaterEqual(this, y); }

    /** {@code this == y}, elementwise. */
    default Array eq(Object y) { return Jnp.equal(this, y); }

    /** {@code this != y}, elementwise. */
    default Array ne(Object y) { return Jnp.notEqual(this, y); }

    // ---- reductions ----------------------------------------------------------------------------

    /** Sum over the given axes, or over all axes when none are given. */
    default Array sum(int... axes) { return Jnp.sum(this, axes); }

    /** Mean over the given axes, or over all axes when none are given. */
    default Array mean(int... axes) { return Jnp.mean(this, axes); }

    /** Maximum over the given axes, or over all axes when none are given. */
    default Array max(int... axes) { return Jnp.max(this, axes); }

    /** Minimum over the given axes, or over all axes when none are given. */
    default Array min(int... axes) { return Jnp.min(this, axes); }

    // ---- shape ---------------------------------------------------------------------------------

    /** Row-major reshape; one size may be -1. */
    default Array reshape(int... newShape) { return Jnp.reshape(this, newShape); }

    /** Permutes the axes (reverses them when none are given). */
    default Array transpose(int... axes) { return Jnp.transpose(this, axes); }

    /** The transpose with axes reversed, as NumPy's {@code .T}. */
    default Array T() { return Jnp.transpose(this); }

    /** Removes the given size-1 axes, or all size-1 axes when none are given. */
    default Array squeeze(int... axes) { return Jnp.squeeze(this, axes); }

    /** This array converted to {@code dtype}. */
    default Array astype(DType dtype) { return Jnp.astype(this, dtype); }

    // ---- indexing ------------------------------------------------------------------------------

    /** NumPy indexing with NumPy's syntax: {@code x.get("1:-1, ::2, ..., None")}. */
    default Array get(String index) { return Indexing.get(this, Indexing.parse(index)); }

    /**
     * NumPy indexing with index objects: ints, {@link Index#slice}, {@link Index#ALL},
     * {@link Index#NEWAXIS}, {@link Index#ELLIPSIS}, integer arrays and boolean masks.
     */
    default Array get(Object... index) { return Indexing.get(this, Indexing.of(index)); }

    /** Functional updates, as JAX's {@code x.at[idx]}: {@code x.at("1:-1").set(v)}. */
    default Indexing.Ref at(String index) { return new Indexing.Ref(this, Indexing.parse(index)); }

    /** Functional updates with index objects, as {@link #get(Object...)}. */
    default Indexing.Ref at(Object... index) { return new Indexing.Ref(this, Indexing.of(index)); }
}
