package dev.jaxvm.core;

import dev.jaxvm.DType;

/**
 * The abstract value of an array: its shape, dtype and weak-type flag (JAX's {@code ShapedArray}).
 *
 * <p>{@link #toString()} is the short form JAX prints in Jaxprs, {@code f32[3,4]}; weak types never
 * show there (see {@link #toLongString()}).
 *
 * {@snippet :
 * ArrayType t = new ArrayType(Shape.of(3, 4), DType.FLOAT32, false);
 * assert t.toString().equals("f32[3,4]");
 * }
 *
 * @param shape the dimensions
 * @param dtype the element type
 * @param weakType whether the dtype is weak (comes from a Java scalar), as in JAX
 */
public record ArrayType(Shape shape, DType dtype, boolean weakType) {
    /** @throws NullPointerException if shape or dtype is null */
    public ArrayType {
        java.util.Objects.requireNonNull(shape, "shape");
        java.util.Objects.requireNonNull(dtype, "dtype");
        if (dtype == DType.BOOL) weakType = false;
    }

    /** A strong type. */
    public static ArrayType of(DType dtype, int... dims) { return new ArrayType(Shape.of(dims), dtype, false); }

    /** Number of dimensions. */
    public int rank() { return shape.rank(); }

    /** Number of elements. */
    public int size() { return shape.size(); }

    /** This type with another shape. */
    public ArrayType withShape(Shape s) { return new ArrayType(s, dtype, weakType); }

    /** This type with another dtype (and the same weak flag). */
    public ArrayType withDType(DType t) { return new ArrayType(shape, t, weakType); }

    /** This type with another weak flag. */
    public ArrayType withWeakType(boolean weak) { return new ArrayType(shape, dtype, weak); }

    /** JAX's {@code str(aval)}: {@code ~float32[3]} when weak, {@code float32[3]} otherwise. */
    public String toLongString() {
        return (weakType ? "~" : "") + dtype.numpyName() + "[" + shape.toTypeString() + "]";
    }

    @Override
    public String toString() { return dtype.shortName() + "[" + shape.toTypeString() + "]"; }
}
