package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tracing of the user functions of control-flow primitives (JAX's {@code trace_to_jaxpr} followed by
 * {@code separate_consts}): the function's Jaxpr with its constants hoisted to leading inputs, and
 * the small Jaxpr surgery the staging code needs (forwarding, pruning, moving binders).
 */
final class CfTrace {
    private CfTrace() {}

    /**
     * A traced function.
     *
     * @param jaxpr the program: the constants, then the function's flat arguments
     * @param consts the values to pass first (concrete arrays or tracers of enclosing transformations)
     * @param outTree the structure of the function's result
     */
    record Traced(ClosedJaxpr jaxpr, List<Array> consts, TreeDef outTree) {
        Traced {
            consts = List.copyOf(consts);
        }

        List<ArrayType> outTypes() { return jaxpr.outTypes(); }
    }

    /** Traces {@code f} (flat arguments to a pytree of arrays) at {@code types} and hoists its constants. */
    static Traced trace(Function<List<Array>, Object> f, List<ArrayType> types, String api) {
        TreeDef[] out = new TreeDef[1];
        ClosedJaxpr c = StagingInterpreter.trace(xs -> {
            Tree.Flat flat = Tree.flatten(f.apply(xs));
            out[0] = flat.treeDef();
            return arrays(flat.leaves(), api);
        }, types);
        Jaxpr j = c.jaxpr();
        List<Var> invars = new ArrayList<>(j.constvars());
        invars.addAll(j.invars());
        return new Traced(new ClosedJaxpr(new Jaxpr(List.of(), invars, j.eqns(), j.outvars()), List.of()), c.consts(), out[0]);
    }

    /** The leaves of a pytree as arrays: Java numbers become weakly typed scalars, as Python's do. */
    static List<Array> arrays(List<Object> leaves, String api) {
        List<Array> out = new ArrayList<>(leaves.size());
        for (Object leaf : leaves) out.add(asArray(leaf, api));
        return out;
    }

    /** One leaf as an array. */
    static Array asArray(Object leaf, String api) {
        return switch (leaf) {
            case Array a -> a;
            case Boolean b -> DenseArray.scalarLong(DType.BOOL, false, b ? 1 : 0);
            case Double d -> DenseArray.scalar(DType.defaultFloat(), true, d);
            case Float f -> DenseArray.scalar(DType.defaultFloat(), true, f);
            case Number n -> DenseArray.scalarLong(DType.defaultInt(), true, n.longValue());
            case null -> throw new IllegalArgumentException(api + ": a leaf is null");
            default -> throw new IllegalArgumentException(api + ": leaf of type " + leaf.getClass().getName()
                    + " is not a valid jaxvm type (arrays and Java scalars are)");
        };
    }

    /** The types of arrays. */
    static List<ArrayType> types(List<? extends Array> xs) {
        List<ArrayType> out = new ArrayList<>(xs.size());
        for (Array x : xs) out.add(x.type());
        return out;
    }

    /** JAX's {@code typematch}: equal shapes and dtypes (weak types ignored). */
    static boolean typematch(ArrayType a, ArrayType b) {
        return a.shape().equals(b.shape()) && a.dtype() == b.dtype();
    }

    /** JAX's {@code aval_mismatch_extra}: why two types differ. */
    static String mismatch(ArrayType a, ArrayType b) {
        if (!a.shape().equals(b.shape())) return ", so the shapes do not match";
        if (a.dtype() != b.dtype()) return ", so the dtypes do not match";
        return "";
    }

    /** The short form JAX prints in these messages: {@code float32[3]}. */
    static String str(ArrayType t) { return t.dtype().numpyName() + "[" + t.shape().toTypeString() + "]"; }

    /** JAX's {@code _jaxpr_forwarding}: for each output, the index of the input it is, or -1. */
    static int[] forwarding(Jaxpr j) {
        int[] out = new int[j.outvars().size()];
        for (int k = 0; k < out.length; k++) out[k] = j.outvars().get(k) instanceof Var v ? j.invars().indexOf(v) : -1;
        return out;
    }

    /** The program with only the outputs marked kept (no dead-code elimination, as JAX's {@code prune_closed_jaxpr_outputs}). */
    static ClosedJaxpr pruneOutputs(ClosedJaxpr c, boolean[] keep) {
        Jaxpr j = c.jaxpr();
        List<Atom> outs = new ArrayList<>();
        for (int k = 0; k < keep.length; k++) if (keep[k]) outs.add(j.outvars().get(k));
        return new ClosedJaxpr(new Jaxpr(j.constvars(), j.invars(), j.eqns(), outs), c.consts());
    }

    /** The program with the inputs marked moved first, in order (JAX's {@code move_binders_to_front}). */
    static ClosedJaxpr moveToFront(ClosedJaxpr c, boolean[] move) {
        Jaxpr j = c.jaxpr();
        List<Var> front = new ArrayList<>(), rest = new ArrayList<>();
        for (int k = 0; k < move.length; k++) (move[k] ? front : rest).add(j.invars().get(k));
        front.addAll(rest);
        return new ClosedJaxpr(new Jaxpr(j.constvars(), front, j.eqns(), j.outvars()), c.consts());
    }

    /**
     * JAX's {@code _promote_weak_typed_input}: a weakly typed initial carry whose body output has another
     * type is converted to the promoted type, or {@code null} when nothing changes.
     */
    static Array promoteWeak(Array in, ArrayType out) {
        if (!in.weakType() || typematch(in.type(), out)) return null;
        DType d = promoted(in.dtype(), out.dtype());
        return d == in.dtype() ? null : Lax.convertElementType(in, d);
    }

    /** {@code result_type} of a weak value of dtype {@code weak} and a strong one of {@code strong}. */
    private static DType promoted(DType weak, DType strong) {
        return rank(strong) >= rank(weak) ? strong : weak;
    }

    private static int rank(DType d) {
        if (d == DType.BOOL) return 0;
        if (d.isInteger()) return 1;
        if (d.isFloating()) return 2;
        return 3;
    }

    /** Appends two lists. */
    static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
