package dev.jaxvm.core;

import dev.jaxvm.Array;
import dev.jaxvm.DType;

/**
 * A concrete array: an {@link ArrayType} and its elements in a flat, row-major primitive array
 * (see {@link Storage} for which Java array type holds which dtype).
 *
 * <p>Immutable: the data array is never written after construction and never handed to user code,
 * so instances are freely shareable between threads. The one exception is donation
 * ({@code Jax.jit(f).donateArgnums(...)}, as JAX's {@code donate_argnums}): a jitted call may write
 * its result into a donated argument's data array when this array is its only holder
 * ({@link #wrapOwned}); the argument is then deleted ({@link #isDeleted()}) and any use of it raises
 * JAX's error. Deletion is atomic, so at most one call can take an array's data.
 *
 * {@snippet :
 * DenseArray a = DenseArray.of(ArrayType.of(DType.FLOAT32, 2), new float[] {1, 2});
 * assert a.getDouble(1) == 2.0;
 * }
 */
public final class DenseArray implements Array {
    /** The data array is shared with other arrays (views): it can never be donated. */
    private static final int SHARED = 0;
    /** This array is the only holder of its data array: donation may take it. */
    private static final int OWNED = 1;
    /** Donated: the data array belongs to a call's result now. */
    private static final int DELETED = 2;
    private static final java.lang.invoke.VarHandle STATE;
    static {
        try {
            STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(DenseArray.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ArrayType type;
    private final Object data;
    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    private DenseArray(ArrayType type, Object data, int state) {
        this.type = type;
        this.data = data;
        STATE.set(this, state);   // plain: a reader that sees SHARED before publication only declines a donation
    }

    private DenseArray(ArrayType type, Object data) { this(type, data, SHARED); }

    /**
     * An array of the given type holding a copy of {@code data}.
     *
     * @throws IllegalArgumentException if data is not the Java array type of the dtype or its length
     *     is not the shape's size
     */
    public static DenseArray of(ArrayType type, Object data) {
        return new DenseArray(type, checked(type, Storage.copy(data)), OWNED);
    }

    /**
     * {@link #wrap}, for a data array that nothing else holds (a kernel's fresh result): a jitted call
     * that donates this array may then write its result into the data array. Arrays made by
     * {@link #wrap} may share their data (views) and are never written into.
     */
    public static DenseArray wrapOwned(ArrayType type, Object data) {
        return new DenseArray(type, checked(type, data), OWNED);
    }

    /**
     * Takes this array's data for a donation: true (and this array is deleted) when it was the only
     * holder of its data and not yet deleted, false otherwise (then nothing changes).
     */
    public boolean donate() { return STATE.compareAndSet(this, OWNED, DELETED); }

    /** Whether this array was deleted by donation ({@code jax.Array.is_deleted}). */
    @Override
    public boolean isDeleted() { return state == DELETED; }

    /** The data, for reading; a plain read of the state keeps element loops fast (a racing donation is caught by the caller's recheck). */
    private Object data() {
        if ((int) STATE.get(this) == DELETED) {
            throw new IllegalStateException("Array has been deleted with shape=" + type.dtype().numpyName() + "["
                    + type.shape().toTypeString() + "].");
        }
        return data;
    }

    /**
     * An array that takes ownership of {@code data} without copying: for kernels that have just
     * filled a fresh buffer. The caller must not touch {@code data} afterwards.
     *
     * @throws IllegalArgumentException on a data array of the wrong type or length
     */
    public static DenseArray wrap(ArrayType type, Object data) { return new DenseArray(type, checked(type, data)); }

    /** {@code data}, checked to be a data array of {@code type}'s dtype and size. */
    private static Object checked(ArrayType type, Object data) {
        Object probe = Storage.allocate(type.dtype(), 0);
        if (probe.getClass() != data.getClass()) {
            throw new IllegalArgumentException("data of type " + data.getClass().getSimpleName()
                    + " cannot hold " + type.dtype());
        }
        if (Storage.length(data) != type.size()) {
            throw new IllegalArgumentException("data has " + Storage.length(data) + " elements, shape "
                    + type.shape() + " needs " + type.size());
        }
        return data;
    }

    /** A zero-filled array of the given type. */
    public static DenseArray zeros(ArrayType type) {
        return new DenseArray(type, Storage.allocate(type.dtype(), type.size()), OWNED);
    }

    /** A 0-d array holding {@code v} converted to {@code dtype}. */
    public static DenseArray scalar(DType dtype, boolean weak, double v) {
        Object d = Storage.allocate(dtype, 1);
        Storage.setDouble(dtype, d, 0, v);
        return new DenseArray(new ArrayType(Shape.SCALAR, dtype, weak), d);
    }

    /** A 0-d integer-valued array holding {@code v} wrapped to {@code dtype}. */
    public static DenseArray scalarLong(DType dtype, boolean weak, long v) {
        Object d = Storage.allocate(dtype, 1);
        Storage.setLong(dtype, d, 0, v);
        return new DenseArray(new ArrayType(Shape.SCALAR, dtype, weak), d);
    }

    @Override
    public ArrayType type() { return type; }

    /**
     * The flat data array, for kernels and evaluators inside jaxvm. It must never be written to;
     * user code should use {@link #toFloatArray()} and friends, which copy.
     */
    public Object buffer() { return data(); }

    /** Element {@code i} (row-major flat index) as a double. */
    public double getDouble(int i) { return Storage.getDouble(type.dtype(), data(), i); }

    /** Element {@code i} (row-major flat index) as a long. */
    public long getLong(int i) { return Storage.getLong(type.dtype(), data(), i); }

    /** Element {@code i} (row-major flat index) as a boolean. */
    public boolean getBoolean(int i) { return Storage.getBoolean(type.dtype(), data(), i); }

    /** This array with the same data and another weak-type flag (data is shared, both immutable). */
    public DenseArray withWeakType(boolean weak) {
        if (weak == type.weakType()) return this;
        Object d = data();
        STATE.compareAndSet(this, OWNED, SHARED);
        return new DenseArray(type.withWeakType(weak), d);
    }

    /** This array's data viewed with another shape of the same size (data is shared). */
    public DenseArray reshaped(Shape shape) {
        if (shape.size() != type.size()) {
            throw new IllegalArgumentException("cannot reshape " + type.shape() + " to " + shape);
        }
        Object d = data();
        STATE.compareAndSet(this, OWNED, SHARED);
        return new DenseArray(type.withShape(shape), d);
    }

    /** The single element as a boxed Java value of the dtype's natural Java type. */
    public Object item() {
        if (type.size() != 1) {
            throw new IllegalArgumentException("item(): only arrays of one element can be converted to a"
                    + " scalar, got shape " + type.shape());
        }
        DType t = type.dtype();
        return switch (t) {
            case BOOL, FLOAT0 -> getBoolean(0);
            case INT8, INT16, INT32, UINT8, UINT16 -> (int) getLong(0);
            case UINT32, INT64, UINT64 -> getLong(0);
            case FLOAT16, BFLOAT16, FLOAT32 -> (float) getDouble(0);
            case FLOAT64 -> getDouble(0);
        };
    }

    /** JAX's repr: {@code Array([1., 2.], dtype=float32)}. */
    @Override
    public String toString() { return ArrayFormat.repr(this); }
}
