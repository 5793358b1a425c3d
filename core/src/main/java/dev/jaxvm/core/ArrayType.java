package dev.jaxvm.core;

import dev.jaxvm.DType;
import dev.jaxvm.ExtendedDType;

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
 * <p>An array of an {@link ExtendedDType} (PRNG keys) has the type of its physical data,
 * {@code u32[..., 2]}, tagged with {@link #extended()}: numeric code sees uint32 words, while the
 * printed forms show the logical type {@code key<fry>[...]}.
 *
 * @param shape the dimensions (for an extended dtype: of the physical data)
 * @param dtype the element type (for an extended dtype: its physical word type)
 * @param weakType whether the dtype is weak (comes from a Java scalar), as in JAX
 * @param extended the extended dtype the data stands for, or null for numeric arrays
 */
public record ArrayType(Shape shape, DType dtype, boolean weakType, ExtendedDType extended) {
    /**
     * @throws NullPointerException if shape or dtype is null
     * @throws IllegalArgumentException if an extended type's physical dtype or rank does not fit it
     */
    public ArrayType {
        java.util.Objects.requireNonNull(shape, "shape");
        java.util.Objects.requireNonNull(dtype, "dtype");
        if (dtype == DType.BOOL) weakType = false;
        if (extended != null) {
            if (dtype != extended.physicalDType() || shape.rank() == 0) {
                throw new IllegalArgumentException(extended + " arrays are stored as " + extended.physicalDType()
                        + "[..., " + extended.words() + "], got " + dtype + shape);
            }
            weakType = false;
        }
    }

    /** A numeric type. */
    public ArrayType(Shape shape, DType dtype, boolean weakType) { this(shape, dtype, weakType, null); }

    /** The type of an array of {@code extended} elements with the given logical shape. */
    public static ArrayType extended(ExtendedDType extended, Shape logical) {
        int[] d = java.util.Arrays.copyOf(logical.dims(), logical.rank() + 1);
        d[logical.rank()] = extended.words();
        return new ArrayType(new Shape(d), extended.physicalDType(), false, extended);
    }

    /** Whether this is the type of an extended-dtype array (PRNG keys). */
    public boolean isExtended() { return extended != null; }

    /** The shape users see: the physical shape without an extended dtype's trailing word dimension. */
    public Shape logicalShape() {
        if (extended == null) return shape;
        int[] d = shape.dims();
        return new Shape(java.util.Arrays.copyOf(d, d.length - 1));
    }

    /** This type without its extended tag: the physical numeric type. */
    public ArrayType physical() { return extended == null ? this : new ArrayType(shape, dtype, false); }

    /** A strong type. */
    public static ArrayType of(DType dtype, int... dims) { return new ArrayType(Shape.of(dims), dtype, false); }

    /** Number of dimensions. */
    public int rank() { return shape.rank(); }

    /** Number of elements. */
    public int size() { return shape.size(); }

    /**
     * This type with another (physical) shape. An extended tag is kept, so that moving, slicing and
     * batching the leading axes of a key array keeps it a key array.
     */
    public ArrayType withShape(Shape s) { return new ArrayType(s, dtype, weakType, extended); }

    /** This type with another dtype (and the same weak flag); a numeric type (extended tag dropped). */
    public ArrayType withDType(DType t) { return new ArrayType(shape, t, weakType); }

    /** This type with another weak flag. */
    public ArrayType withWeakType(boolean weak) { return new ArrayType(shape, dtype, weak, extended); }

    /** JAX's {@code str(aval)}: {@code ~float32[3]} when weak, {@code float32[3]} otherwise. */
    public String toLongString() {
        if (extended != null) return toString();
        return (weakType ? "~" : "") + dtype.numpyName() + "[" + shape.toTypeString() + "]";
    }

    @Override
    public String toString() {
        if (extended != null) return extended.printName() + "[" + logicalShape().toTypeString() + "]";
        return dtype.shortName() + "[" + shape.toTypeString() + "]";
    }
}
