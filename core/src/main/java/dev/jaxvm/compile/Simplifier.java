package dev.jaxvm.compile;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler's first pass: inlines nested calls, folds scalar constants, applies exact algebraic
 * identities ({@code x*1}, integer {@code x+0}, float {@code x+(-0.0)}), removes common
 * subexpressions and dead equations. The result computes the same values as the input.
 */
final class Simplifier {
    private final List<Var> constvars = new ArrayList<>();
    private final List<Array> consts = new ArrayList<>();
    private final List<Eqn> eqns = new ArrayList<>();
    private final Map<Var, Atom> subst = new IdentityHashMap<>();
    private final Map<List<Object>, List<Var>> seen = new HashMap<>();

    private Simplifier() {}

    static ClosedJaxpr simplify(ClosedJaxpr closed) {
        Simplifier s = new Simplifier();
        Jaxpr j = closed.jaxpr();
        s.constvars.addAll(j.constvars());
        s.consts.addAll(closed.consts());
        s.emit(j.eqns(), false);
        List<Atom> outs = new ArrayList<>();
        for (Atom a : j.outvars()) outs.add(s.atom(a));
        List<Eqn> live = dce(s.eqns, outs);
        return new ClosedJaxpr(new Jaxpr(s.constvars, j.invars(), live, outs), s.consts);
    }

    private Atom atom(Atom a) {
        while (a instanceof Var v && subst.containsKey(v)) a = subst.get(v);
        return a;
    }

    /** Emits {@code body}; an inlined body gets fresh variables, as one callee may be inlined twice. */
    private void emit(List<Eqn> body, boolean fresh) {
        for (Eqn original : body) {
            Eqn e = original;
            if (fresh) {
                List<Var> outs = new ArrayList<>();
                for (Var v : original.outputs()) {
                    Var w = new Var(v.type());
                    subst.put(v, w);
                    outs.add(w);
                }
                e = new Eqn(original.primitive(), original.inputs(), outs);
            }
            List<Atom> in = new ArrayList<>();
            for (Atom a : e.inputs()) in.add(atom(a));
            if (e.primitive() instanceof Lowerable l
                    && l.lower(types(in), types(e.outputs())) instanceof Lowering.Call(ClosedJaxpr callee)) {
                inline(callee, in, e.outputs());
                continue;
            }
            if (fold(e, in) || identity(e, in) || cse(e, in)) continue;
            eqns.add(new Eqn(e.primitive(), in, e.outputs()));
        }
    }

    private void inline(ClosedJaxpr callee, List<Atom> in, List<Var> outs) {
        Jaxpr j = callee.jaxpr();
        for (int i = 0; i < j.constvars().size(); i++) {
            Array c = callee.consts().get(i);
            Var cv = j.constvars().get(i);
            if (c instanceof DenseArray d && d.type().rank() == 0) subst.put(j.constvars().get(i), new Literal(d));
            else if (constvars.stream().noneMatch(v -> v == cv)) {
                constvars.add(cv);
                consts.add(c);
            }
        }
        for (int i = 0; i < in.size(); i++) subst.put(j.invars().get(i), in.get(i));
        emit(j.eqns(), true);
        for (int i = 0; i < outs.size(); i++) subst.put(outs.get(i), atom(j.outvars().get(i)));
    }

    /** Scalar equations of literals are evaluated now. */
    private boolean fold(Eqn e, List<Atom> in) {
        if (e.outputs().size() != 1 || e.outputs().getFirst().type().rank() != 0 || in.isEmpty()) return false;
        List<DenseArray> vals = new ArrayList<>();
        for (Atom a : in) {
            if (!(a instanceof Literal l)) return false;
            vals.add(l.value());
        }
        Primitive p = e.primitive();
        DenseArray r = p.evaluate(vals, types(e.outputs())).getFirst();
        subst.put(e.outputs().getFirst(), new Literal(r));
        return true;
    }

    private boolean identity(Eqn e, List<Atom> in) {
        if (in.size() != 2 || !(e.primitive() instanceof Lowerable l)) return false;
        ArrayType outType = e.outputs().getFirst().type();
        if (!(l.lower(types(in), List.of(outType)) instanceof Lowering.Lanewise(ScalarOp op))) return false;
        for (int k = 0; k < 2; k++) {
            Atom other = in.get(1 - k);
            if (in.get(k) instanceof Literal lit && other.type().equals(outType) && neutral(op, k, lit.value())) {
                subst.put(e.outputs().getFirst(), other);
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} at operand position {@code k} leaves the other operand unchanged, bit for bit. */
    private static boolean neutral(ScalarOp op, int k, DenseArray c) {
        boolean floating = c.dtype().isFloating();
        double d = c.getDouble(0);
        long v = c.getLong(0);
        return switch (op) {
            case MUL -> floating ? d == 1.0 : v == 1;
            case ADD -> floating ? Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0) : v == 0;
            case SUB -> k == 1 && (floating ? Double.doubleToRawLongBits(d) == 0 : v == 0);
            default -> false;
        };
    }

    private boolean cse(Eqn e, List<Atom> in) {
        List<Object> key = new ArrayList<>();
        key.add(e.primitive());
        for (Atom a : in) key.add(a instanceof Literal l ? List.of(l.type(), l.value().item()) : a);
        List<Var> prior = seen.get(key);
        if (prior == null) {
            seen.put(key, e.outputs());
            return false;
        }
        for (int i = 0; i < prior.size(); i++) {
            if (!prior.get(i).type().equals(e.outputs().get(i).type())) return false;
        }
        for (int i = 0; i < prior.size(); i++) subst.put(e.outputs().get(i), prior.get(i));
        return true;
    }

    private static List<Eqn> dce(List<Eqn> eqns, List<Atom> outs) {
        Set<Var> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Atom a : outs) if (a instanceof Var v) live.add(v);
        List<Eqn> kept = new ArrayList<>();
        for (int i = eqns.size() - 1; i >= 0; i--) {
            Eqn e = eqns.get(i);
            if (e.outputs().stream().noneMatch(live::contains)) continue;
            e = dev.jaxvm.ir.DceRule.pruned(e, live);
            kept.add(e);
            for (Atom a : e.inputs()) if (a instanceof Var v) live.add(v);
        }
        java.util.Collections.reverse(kept);
        return kept;
    }

    static List<ArrayType> types(List<? extends Atom> atoms) {
        List<ArrayType> t = new ArrayList<>(atoms.size());
        for (Atom a : atoms) t.add(a.type());
        return t;
    }
}
