package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.lax.Remat;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.lax.Transposable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transpose of a linear Jaxpr (JAX's {@code backward_pass}): cotangents flow from the outputs
 * back to the inputs through each equation's transpose rule, in reverse order, accumulated with
 * {@code add_any} where a variable is used more than once. Zero cotangents stay symbolic
 * ({@code null}) and skip their equations. Equations that do not depend on the linear inputs are
 * evaluated forward first. Everything binds under the current interpreter, so the backward pass
 * can itself be traced, differentiated or staged.
 */
public final class Transpose {
    private Transpose() {}

    /**
     * The cotangents of {@code linear}'s inputs given its outputs' cotangents ({@code null} = zero);
     * an input's entry is {@code null} when its cotangent is zero.
     *
     * @throws UnsupportedOperationException naming the primitive when an equation has no transpose rule
     */
    public static List<Array> backwardPass(ClosedJaxpr linear, List<Array> cts) {
        Jaxpr j = linear.jaxpr();
        Set<Var> lin = Collections.newSetFromMap(new IdentityHashMap<>());
        lin.addAll(j.invars());
        Map<Var, Array> primal = new IdentityHashMap<>();
        for (int i = 0; i < j.constvars().size(); i++) primal.put(j.constvars().get(i), linear.consts().get(i));
        List<Eqn> linearEqns = new ArrayList<>();
        for (Eqn e : j.eqns()) {
            boolean isLinear = e.inputs().stream().anyMatch(a -> a instanceof Var v && lin.contains(v));
            if (isLinear) {
                linearEqns.add(e);
                lin.addAll(e.outputs());
            } else {
                List<Array> in = new ArrayList<>();
                for (Atom a : e.inputs()) in.add(read(primal, a));
                List<Array> out = Trace.bind(e.primitive(), in);
                for (int k = 0; k < out.size(); k++) primal.put(e.outputs().get(k), out.get(k));
            }
        }
        Map<Var, Array> ct = new IdentityHashMap<>();
        for (int i = 0; i < j.outvars().size(); i++) {
            if (j.outvars().get(i) instanceof Var v && lin.contains(v) && cts.get(i) != null) {
                ct.put(v, Tangents.add(ct.get(v), cts.get(i)));
            }
        }
        for (Eqn e : linearEqns.reversed()) transposeEqn(e, lin, primal, ct);
        List<Array> out = new ArrayList<>(j.invars().size());
        for (Var v : j.invars()) out.add(ct.get(v));
        return out;
    }

    private static void transposeEqn(Eqn e, Set<Var> lin, Map<Var, Array> primal, Map<Var, Array> ct) {
        List<Array> outCts = new ArrayList<>(e.outputs().size());
        boolean any = false;
        for (Var v : e.outputs()) {
            Array c = ct.remove(v);
            outCts.add(c);
            any |= c != null;
        }
        if (!any) return;
        for (int k = 0; k < outCts.size(); k++) {
            if (outCts.get(k) == null) outCts.set(k, Tangents.zeros(Tangents.tangentType(e.outputs().get(k).type())));
        }
        List<Transposable.Operand> ops = new ArrayList<>(e.inputs().size());
        for (Atom a : e.inputs()) {
            ops.add(a instanceof Var v && lin.contains(v) ? new Transposable.Undefined(v.type())
                    : new Transposable.Known(read(primal, a)));
        }
        List<Array> inCts = switch (e.primitive()) {
            case Remat r -> RematRules.transpose(r, List.copyOf(ops), outCts);
            case Jit jit -> JitRules.transpose(jit, List.copyOf(ops), outCts);
            case dev.jaxvm.lax.Cond c -> ControlFlowTranspose.cond(c, List.copyOf(ops), outCts);
            case dev.jaxvm.lax.Scan s -> ControlFlowTranspose.scan(s, List.copyOf(ops), outCts);
            case dev.jaxvm.lax.While w -> ControlFlowTranspose.whileLoop(w, List.copyOf(ops), outCts);
            case Transposable t -> t.transpose(Collections.unmodifiableList(outCts), List.copyOf(ops));
            default -> throw new UnsupportedOperationException("no transpose rule for '" + e.primitive().name() + "'");
        };
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).isLinear() && inCts.get(k) != null) {
                Var v = (Var) e.inputs().get(k);
                ct.put(v, Tangents.add(ct.get(v), inCts.get(k)));
            }
        }
    }

    private static Array read(Map<Var, Array> env, Atom a) {
        return switch (a) {
            case Literal l -> l.value();
            case Var v -> {
                Array x = env.get(v);
                if (x == null) throw new IllegalStateException("unbound variable " + v + " in a linear Jaxpr");
                yield x;
            }
        };
    }
}
