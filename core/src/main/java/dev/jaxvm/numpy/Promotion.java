package dev.jaxvm.numpy;

import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JAX's type promotion: the least upper bound on JAX's type lattice, with weak types
 * ({@code jnp.result_type}). See {@code reference/PROMOTION.md}; with x64 disabled the lattice puts
 * {@code uint32} below {@code int32} so that no 64-bit type is created from 32-bit inputs.
 *
 * {@snippet :
 * assert Promotion.promoteTypes(DType.UINT8, DType.INT32) == DType.INT32;
 * }
 */
public final class Promotion {
    /** Lattice nodes: the dtypes plus the weak integer and weak float nodes. */
    private enum Node { BOOL, I_WEAK, F_WEAK, U8, U16, U32, U64, I8, I16, I32, I64, BF16, F16, F32, F64 }

    private static final Map<Node, Set<Node>> UP_X64 = closures(true);
    private static final Map<Node, Set<Node>> UP_X32 = closures(false);

    private Promotion() {}

    /** The result of promoting two dtypes, both strong ({@code jnp.promote_types}). */
    public static DType promoteTypes(DType a, DType b) {
        return resultType(List.of(new ArrayType(dev.jaxvm.core.Shape.SCALAR, a, false),
                new ArrayType(dev.jaxvm.core.Shape.SCALAR, b, false))).dtype();
    }

    /**
     * The (dtype, weak) that operands of these types are promoted to, as JAX's
     * {@code lattice_result_type}; only the dtype and weak flag of the result are meaningful.
     *
     * @throws IllegalArgumentException if no types are given or a dtype has no promotion path
     */
    public static ArrayType resultType(List<ArrayType> types) {
        if (types.isEmpty()) throw new IllegalArgumentException("at least one type is required");
        ArrayType first = types.getFirst();
        if (types.size() == 1) return first;
        boolean allEqual = true, allWeak = true;
        for (ArrayType t : types) {
            allEqual &= t.dtype() == first.dtype();
            allWeak &= t.weakType();
        }
        if (allEqual) return scalar(first.dtype(), allWeak);
        List<Node> nodes = new ArrayList<>();
        for (ArrayType t : types) nodes.add(allWeak ? node(t.dtype()) : (t.weakType() ? weakNode(t.dtype()) : node(t.dtype())));
        Node join = join(nodes);
        return switch (join) {
            case I_WEAK -> scalar(DType.defaultInt(), true);
            case F_WEAK -> scalar(DType.defaultFloat(), true);
            case BOOL -> scalar(DType.BOOL, false);
            case U8, U16, U32, U64, I8, I16, I32, I64, BF16, F16, F32, F64 -> scalar(dtype(join), allWeak);
        };
    }

    /** The dtype a Java scalar of this kind takes: weak int32/float32 (64-bit with x64), or bool. */
    public static DType scalarDType(Object javaScalar) {
        return switch (javaScalar) {
            case Boolean b -> DType.BOOL;
            case Integer i -> DType.defaultInt();
            case Long l -> DType.defaultInt();
            case Short s -> DType.defaultInt();
            case Byte b -> DType.defaultInt();
            case Float f -> DType.defaultFloat();
            case Double d -> DType.defaultFloat();
            default -> throw new IllegalArgumentException("not a Java scalar: " + javaScalar.getClass().getName());
        };
    }

    private static ArrayType scalar(DType t, boolean weak) {
        return new ArrayType(dev.jaxvm.core.Shape.SCALAR, t, weak);
    }

    private static Node join(List<Node> nodes) {
        Map<Node, Set<Node>> up = Jax.config().enableX64() ? UP_X64 : UP_X32;
        Set<Node> common = EnumSet.allOf(Node.class);
        for (Node n : nodes) common.retainAll(up.get(n));
        for (Node n : nodes) if (common.contains(n)) return n;
        for (Node c : common) {
            if (up.get(c).containsAll(common)) return c;
        }
        throw new IllegalArgumentException("no promotion path for " + nodes);
    }

    private static Map<Node, Set<Node>> closures(boolean x64) {
        Map<Node, List<Node>> edges = new EnumMap<>(Node.class);
        for (Node n : Node.values()) edges.put(n, new ArrayList<>());
        edges.get(Node.BOOL).add(Node.I_WEAK);
        edges.get(Node.I_WEAK).addAll(List.of(Node.U8, Node.I8));
        edges.get(Node.U8).addAll(List.of(Node.U16, Node.I16));
        edges.get(Node.U16).addAll(List.of(Node.U32, Node.I32));
        edges.get(Node.U32).addAll(List.of(Node.U64, x64 ? Node.I64 : Node.I32));
        edges.get(Node.U64).add(Node.F_WEAK);
        edges.get(Node.I8).add(Node.I16);
        edges.get(Node.I16).add(Node.I32);
        edges.get(Node.I32).add(Node.I64);
        edges.get(Node.I64).add(Node.F_WEAK);
        edges.get(Node.F_WEAK).addAll(List.of(Node.BF16, Node.F16));
        edges.get(Node.BF16).add(Node.F32);
        edges.get(Node.F16).add(Node.F32);
        edges.get(Node.F32).add(Node.F64);
        Map<Node, Set<Node>> up = new EnumMap<>(Node.class);
        for (Node n : Node.values()) {
            Set<Node> seen = EnumSet.of(n);
            List<Node> work = new ArrayList<>(List.of(n));
            while (!work.isEmpty()) {
                for (Node m : edges.get(work.removeLast())) if (seen.add(m)) work.add(m);
            }
            up.put(n, seen);
        }
        return up;
    }

    private static Node node(DType t) {
        return switch (t) {
            case BOOL -> Node.BOOL;
            case UINT8 -> Node.U8;
            case UINT16 -> Node.U16;
            case UINT32 -> Node.U32;
            case UINT64 -> Node.U64;
            case INT8 -> Node.I8;
            case INT16 -> Node.I16;
            case INT32 -> Node.I32;
            case INT64 -> Node.I64;
            case BFLOAT16 -> Node.BF16;
            case FLOAT16 -> Node.F16;
            case FLOAT32 -> Node.F32;
            case FLOAT64 -> Node.F64;
            case FLOAT0 -> throw new IllegalArgumentException("float0 has no type promotion");
        };
    }

    private static Node weakNode(DType t) {
        return switch (t.kind()) {
            case BOOL -> Node.BOOL;
            case INT, UINT -> Node.I_WEAK;
            case FLOAT -> Node.F_WEAK;
            case FLOAT0 -> throw new IllegalArgumentException("float0 has no type promotion");
        };
    }

    private static DType dtype(Node n) {
        return switch (n) {
            case BOOL -> DType.BOOL;
            case U8 -> DType.UINT8;
            case U16 -> DType.UINT16;
            case U32 -> DType.UINT32;
            case U64 -> DType.UINT64;
            case I8 -> DType.INT8;
            case I16 -> DType.INT16;
            case I32 -> DType.INT32;
            case I64 -> DType.INT64;
            case BF16 -> DType.BFLOAT16;
            case F16 -> DType.FLOAT16;
            case F32 -> DType.FLOAT32;
            case F64 -> DType.FLOAT64;
            case I_WEAK -> DType.defaultInt();
            case F_WEAK -> DType.defaultFloat();
        };
    }
}
