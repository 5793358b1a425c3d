package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Argument promotion as {@code jnp} does it: dtypes on JAX's lattice, then ranks (leading 1s). */
final class Promote {
    private Promote() {}

    /** The abstract type of an array-like: arrays as they are, Java numbers weak, booleans strong. */
    static ArrayType typeOf(Object x) {
        return switch (x) {
            case Array a -> a.type();
            case Boolean b -> new ArrayType(Shape.SCALAR, DType.BOOL, false);
            case Number n -> new ArrayType(Shape.SCALAR, Promotion.scalarDType(n), true);
            case null -> throw new IllegalArgumentException("null is not an array");
            default -> throw new IllegalArgumentException("not an array or Java scalar: " + x.getClass().getName());
        };
    }

    /** {@link #typeOf(Object)}, with the function named in the error (argument i). */
    static ArrayType typeOf(String fn, Object x, int i) {
        try {
            return typeOf(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fn + ": argument " + i + ": " + e.getMessage()
                    + " (expected an Array or a Java scalar: int, long, float, double, boolean)", e);
        }
    }

    /** Converts each argument to the promoted (dtype, weak) and promotes ranks. */
    static List<Array> promoteArgs(String fn, Object... args) {
        return promoteShapes(fn, promoteDTypes(fn, false, args));
    }

    /** As {@link #promoteArgs}, but integer and bool results become the default float. */
    static List<Array> promoteArgsInexact(String fn, Object... args) {
        return promoteShapes(fn, promoteDTypes(fn, true, args));
    }

    static List<Array> promoteDTypes(String fn, boolean inexact, Object... args) {
        ArrayType r = Promotion.resultType(typesNoFloat0(fn, args));
        DType to = r.dtype();
        if (inexact && !to.isFloating()) to = toInexact(to);
        List<Array> out = new ArrayList<>();
        for (Object a : args) out.add(convert(fn, a, to, r.weakType() && to != DType.BOOL));
        return out;
    }

    /** The arguments' types, refusing float0 ones as jnp's {@code _check_no_float0s}. */
    private static List<ArrayType> typesNoFloat0(String fn, Object... args) {
        List<ArrayType> types = new ArrayList<>();
        for (int i = 0; i < args.length; i++) types.add(typeOf(fn, args[i], i));
        for (ArrayType t : types) {
            if (t.dtype() == DType.FLOAT0) {   // jnp's _check_no_float0s
                throw new IllegalArgumentException("Called " + fn + " with a float0 array. float0s do not support any"
                        + " operations by design because they are not compatible with non-trivial vector spaces. No implicit"
                        + " dtype conversion is done. You can use np.zeros_like(arr, dtype=np.float) to cast a float0 array"
                        + " to a regular zeros array. \nIf you didn't expect to get a float0 you might have accidentally"
                        + " taken a gradient with respect to an integer argument.");
            }
        }
        return types;
    }

    /**
     * Checks, from types alone (no equations), that the arguments promote and broadcast; returns the
     * promoted dtype. Used before entering a jitted jnp body, whose promotion happens inside.
     *
     * @throws IllegalArgumentException naming the function and the shapes when they do not broadcast
     */
    static DType checkArgs(String fn, Object... args) {
        List<ArrayType> types = new ArrayList<>();
        for (int i = 0; i < args.length; i++) types.add(typeOf(fn, args[i], i));
        DType t = Promotion.resultType(types).dtype();
        int rank = 0;
        for (ArrayType a : types) rank = Math.max(rank, a.rank());
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (ArrayType a : types) {
            int[] s = a.shape().dims();
            for (int i = 0; i < s.length; i++) {
                int k = rank - s.length + i;
                if (s[i] == out[k] || s[i] == 1) continue;
                if (out[k] != 1) {
                    StringJoiner j = new StringJoiner(", ", "[", "]");
                    for (ArrayType b : types) j.add(b.shape().toString());
                    throw new IllegalArgumentException(fn + ": Incompatible shapes for broadcasting: shapes=" + j);
                }
                out[k] = s[i];
            }
        }
        return t;
    }

    /** As {@link #promoteArgs}, but a bool result becomes the default int ({@code promote_args_numeric}). */
    static List<Array> promoteArgsNumeric(String fn, Object... args) {
        return promoteShapes(fn, promoteDTypesNumeric(fn, args));
    }

    /** {@code promote_dtypes_numeric}: the joint dtype, with bool replaced by the default int. */
    static List<Array> promoteDTypesNumeric(String fn, Object... args) {
        ArrayType r = Promotion.resultType(typesNoFloat0(fn, args));
        DType to = r.dtype() == DType.BOOL ? DType.defaultInt() : r.dtype();
        List<Array> out = new ArrayList<>();
        for (Object a : args) out.add(convert(fn, a, to, r.weakType() && r.dtype() != DType.BOOL));
        return out;
    }

    /**
     * JAX's {@code _dtype_to_inexact}: integers of up to 32 bits and bool become float32 (even with
     * x64 enabled), 64-bit integers the default float; floats are kept.
     */
    static DType toInexact(DType t) {
        return switch (t) {
            case BOOL, INT8, INT16, INT32, UINT8, UINT16, UINT32 -> DType.FLOAT32;
            case INT64, UINT64 -> DType.defaultFloat();
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> t;
        };
    }

    /** JAX's {@code _convert_element_type}: unchanged when already (dtype, weak); Java scalars become constants. */
    static Array convert(String fn, Object x, DType dtype, boolean weak) {
        return switch (x) {
            case Array a when a.dtype() == dtype && a.weakType() == weak -> a;
            case Array a -> Lax.convertElementType(a, dtype, weak);
            case Boolean b -> DenseArray.scalarLong(dtype, weak, b ? 1 : 0);
            case Double d -> DenseArray.scalar(dtype, weak, d);
            case Float f -> DenseArray.scalar(dtype, weak, f);
            case Number n -> {
                long v = n.longValue();
                if (!dtype.isFloating() && dtype.bits() < 64 && !fits(v, dtype)) {
                    throw new ArithmeticException(fn + ": Java int " + v + " too large to convert to " + dtype);
                }
                yield DenseArray.scalarLong(dtype, weak, v);
            }
            default -> throw new IllegalArgumentException(fn + ": not an array or Java scalar: " + x.getClass().getName());
        };
    }

    private static boolean fits(long v, DType t) {
        int bits = t.bits();
        if (t == DType.BOOL) return true;
        if (t.isUnsigned()) return v >= 0 && v < (1L << bits);
        return v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
    }

    /** NumPy broadcasting of ranks: lower-rank non-scalar operands get leading size-1 axes. */
    static List<Array> promoteShapes(String fn, List<Array> args) {
        if (args.size() < 2) return args;
        int rank = 0;
        boolean sameRank = true;
        java.util.Set<Integer> nonScalarRanks = new java.util.HashSet<>();
        for (Array a : args) {
            rank = Math.max(rank, a.ndim());
            sameRank &= a.ndim() == args.getFirst().ndim();
            if (a.ndim() > 0) nonScalarRanks.add(a.ndim());
        }
        // Equal ranks are left to the lax op, whose error JAX shows ("add got incompatible shapes ...").
        if (sameRank || nonScalarRanks.size() < 2) return args;
        checkBroadcastable(fn, args, rank);
        List<Array> out = new ArrayList<>();
        for (Array a : args) {
            if (a.ndim() == rank) {
                out.add(a);
                continue;
            }
            int[] lead = new int[rank - a.ndim()];
            for (int i = 0; i < lead.length; i++) lead[i] = i;
            out.add(Jnp.expandDims(a, lead));
        }
        return out;
    }

    private static void checkBroadcastable(String fn, List<Array> args, int rank) {
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Array a : args) {
            int[] s = a.shape();
            for (int i = 0; i < s.length; i++) {
                int k = rank - s.length + i;
                if (s[i] == out[k] || s[i] == 1) continue;
                if (out[k] == 1) out[k] = s[i];
                else {
                    StringJoiner j = new StringJoiner(", ", "[", "]");
                    for (Array b : args) j.add(b.type().shape().toString());
                    throw new IllegalArgumentException(fn + ": Incompatible shapes for broadcasting: shapes=" + j);
                }
            }
        }
    }

    /** The dtype {@code jnp.sum} accumulates in: narrow ints and bool widen to the default int width. */
    static DType sumDType(DType t) {
        return switch (t) {
            case BOOL, INT8, INT16 -> DType.defaultInt();
            case UINT8, UINT16 -> DType.defaultUint();
            case INT32, INT64, UINT32, UINT64, FLOAT16, BFLOAT16, FLOAT32, FLOAT64, FLOAT0 -> t;
        };
    }
}
