package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Staging of {@code Lax.cond} and {@code Lax.switch_}, following JAX's {@code cond} and {@code switch}. */
final class Conds {
    private Conds() {}

    /** {@code lax.cond}: {@code pred} a scalar boolean or number (non-zero is true). */
    static Object cond(Object pred, Function<Object[], Object> trueFn, Function<Object[], Object> falseFn, Object[] operands) {
        if (trueFn == null || falseFn == null) {
            throw new IllegalArgumentException("lax.cond: true_fun and false_fun arguments should be callable.");
        }
        if (pred == null) throw new IllegalArgumentException("cond predicate is None");
        Array p = CfTrace.asArray(pred, "cond");
        if (p.ndim() != 0) {
            throw new IllegalArgumentException("Pred must be a scalar, got " + p + " of shape " + pyShape(p) + ".");
        }
        if (p.dtype() != DType.BOOL) {
            if (!p.dtype().isInteger() && !p.dtype().isFloating()) {
                throw new IllegalArgumentException("Pred type must be either boolean or number, got " + p.dtype().numpyName() + ".");
            }
            // a concrete number is compared now (as Python compares a Python or NumPy scalar)
            p = p instanceof DenseArray d ? DenseArray.scalarLong(DType.BOOL, false, d.getDouble(0) != 0 ? 1 : 0)
                    : Lax.ne(p, DenseArray.scalar(p.dtype(), p.weakType(), 0));
        }
        if (p instanceof DenseArray d) p = DenseArray.scalarLong(DType.INT32, false, d.getBoolean(0) ? 1 : 0);
        // JAX traces true_fun first and merges the constants in that order; the branches are (false, true)
        return stage("cond", List.of(trueFn, falseFn), List.of("true_fun", "false_fun"), Lax.convertElementType(p, DType.INT32),
                operands, true);
    }

    /** {@code lax.switch}: the branch {@code index} selects, clamped into range. */
    static Object switch_(Object index, List<? extends Function<Object[], Object>> branches, Object[] operands) {
        Array i = CfTrace.asArray(index, "switch");
        if (i.ndim() != 0) {
            throw new IllegalArgumentException("Branch index must be scalar, got " + i + " of shape " + pyShape(i) + ".");
        }
        if (!i.dtype().isInteger()) {
            throw new IllegalArgumentException("Index type must be an integer, got " + i + " as " + i.dtype().numpyName());
        }
        if (branches.isEmpty()) throw new IllegalArgumentException("Empty branch sequence");
        if (branches.size() == 1) return branches.getFirst().apply(operands);
        Array idx = Lax.clamp(DenseArray.scalarLong(DType.INT32, false, 0), Lax.convertElementType(i, DType.INT32),
                DenseArray.scalarLong(DType.INT32, false, branches.size() - 1));
        List<String> names = new ArrayList<>();
        for (int k = 0; k < branches.size(); k++) names.add(k == 0 ? "branch 0" : "branch" + k);
        return stage("switch", branches, names, idx, operands, false);
    }

    private static String pyShape(Array a) {
        int[] s = a.shape();
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < s.length; k++) b.append(k > 0 ? ", " : "").append(s[k]);
        return b.append(s.length == 1 ? ",)" : ")").toString();
    }

    /** Traces the branches, merges their constants, checks their outputs and binds {@code cond}. */
    private static Object stage(String api, List<? extends Function<Object[], Object>> fns, List<String> names, Array index,
            Object[] operands, boolean reversed) {
        int reference = 0;
        Tree.Flat flat = Tree.flatten(Arrays.asList(operands));
        TreeDef tree = flat.treeDef();
        List<Array> args = CfTrace.arrays(flat.leaves(), api);
        List<CfTrace.Traced> traced = new ArrayList<>();
        for (Function<Object[], Object> f : fns) {
            traced.add(CfTrace.trace(xs -> f.apply(((List<?>) Tree.unflatten(tree, xs)).toArray()), CfTrace.types(args), api));
        }
        for (int k = 0; k < traced.size(); k++) {
            if (k == reference) continue;
            checkOutputs(api, names.get(reference), names.get(k), traced.get(reference), traced.get(k));
        }
        List<Array> consts = new ArrayList<>();
        List<ClosedJaxpr> jaxprs = mergeConsts(traced, consts);
        int[][] fwds = new int[jaxprs.size()][];
        for (int k = 0; k < fwds.length; k++) fwds[k] = CfTrace.forwarding(jaxprs.get(k).jaxpr());
        int nOut = fwds[0].length;
        int[] inFwd = new int[nOut];
        boolean[] keep = new boolean[nOut];
        for (int o = 0; o < nOut; o++) {
            inFwd[o] = fwds[0][o];
            for (int[] f : fwds) if (f[o] != inFwd[o]) inFwd[o] = -1;
            keep[o] = inFwd[o] < 0;
        }
        List<ClosedJaxpr> pruned = new ArrayList<>();
        for (ClosedJaxpr j : jaxprs) pruned.add(CfTrace.pruneOutputs(j, keep));
        if (reversed) java.util.Collections.reverse(pruned);
        List<Array> all = CfTrace.concat(consts, args);
        List<Array> operandsIn = new ArrayList<>();
        operandsIn.add(index);
        operandsIn.addAll(all);
        List<Array> outs = Trace.bind(new Cond(pruned), operandsIn);
        List<Array> result = new ArrayList<>(nOut);
        for (int o = 0, j = 0; o < nOut; o++) result.add(inFwd[o] < 0 ? outs.get(j++) : all.get(inFwd[o]));
        return Tree.unflatten(traced.get(reference).outTree(), result);
    }

    /**
     * JAX's {@code _merge_common_consts}: every branch takes all branches' constants (deduplicated by
     * identity), its own in their place and fresh unused inputs for the others'.
     */
    private static List<ClosedJaxpr> mergeConsts(List<CfTrace.Traced> traced, List<Array> consts) {
        List<Array> all = new ArrayList<>();
        for (CfTrace.Traced t : traced) all.addAll(t.consts());
        Map<Array, Integer> first = new IdentityHashMap<>();
        for (int p = 0; p < all.size(); p++) {
            if (first.putIfAbsent(all.get(p), p) == null) consts.add(all.get(p));
        }
        List<ClosedJaxpr> out = new ArrayList<>();
        int offset = 0;
        for (CfTrace.Traced t : traced) {
            Jaxpr j = t.jaxpr().jaxpr();
            int own = t.consts().size();
            List<Var> padded = new ArrayList<>();
            for (int p = 0; p < all.size(); p++) {
                padded.add(p >= offset && p < offset + own ? j.invars().get(p - offset) : new Var(all.get(p).type()));
            }
            Map<Var, Var> canon = new IdentityHashMap<>();
            List<Var> invars = new ArrayList<>();
            for (int p = 0; p < all.size(); p++) {
                int f = first.get(all.get(p));
                if (f == p) invars.add(padded.get(p));
                else canon.put(padded.get(p), padded.get(f));
            }
            invars.addAll(j.invars().subList(own, j.invars().size()));
            out.add(new ClosedJaxpr(substitute(new Jaxpr(List.of(), invars, j.eqns(), j.outvars()), canon), List.of()));
            offset += own;
        }
        return out;
    }

    private static Jaxpr substitute(Jaxpr j, Map<Var, Var> canon) {
        if (canon.isEmpty()) return j;
        List<Eqn> eqns = new ArrayList<>();
        for (Eqn e : j.eqns()) eqns.add(new Eqn(e.primitive(), atoms(e.inputs(), canon), e.outputs()));
        return new Jaxpr(j.constvars(), j.invars(), eqns, atoms(j.outvars(), canon));
    }

    private static List<Atom> atoms(List<Atom> xs, Map<Var, Var> canon) {
        List<Atom> out = new ArrayList<>(xs.size());
        for (Atom a : xs) out.add(a instanceof Var v && canon.containsKey(v) ? canon.get(v) : a);
        return out;
    }

    /** JAX's {@code _check_branch_outputs}. */
    private static void checkOutputs(String api, String name1, String name2, CfTrace.Traced t1, CfTrace.Traced t2) {
        if (!t1.outTree().equals(t2.outTree())) {
            throw new IllegalArgumentException(api + " branch outputs must have the same pytree structure, but they differ:\n\n"
                    + name1 + " output is " + t1.outTree() + " but " + name2 + " output is " + t2.outTree() + ".\n\nRevise "
                    + name1 + " and/or " + name2 + " so that they have the same pytree structure.");
        }
        List<ArrayType> a = t1.outTypes(), b = t2.outTypes();
        List<String> diffs = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            if (!CfTrace.typematch(a.get(k), b.get(k))) {
                String at = a.size() == 1 ? "" : " at output " + k;
                diffs.add("the output of " + name1 + at + " has type " + CfTrace.str(a.get(k)) + " but the corresponding output of "
                        + name2 + " has type " + CfTrace.str(b.get(k)) + CfTrace.mismatch(a.get(k), b.get(k)));
            }
        }
        if (diffs.isEmpty()) return;
        throw new IllegalArgumentException(api + " branches must have equal output types but they differ.\n\n"
                + Loops.differences(diffs) + "\nRevise " + name1 + " and/or " + name2 + " so that all output types match.");
    }
}
