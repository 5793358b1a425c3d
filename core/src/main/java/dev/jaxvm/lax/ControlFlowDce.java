package dev.jaxvm.lax;

import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** The dead-code elimination rules of {@code cond} and {@code scan} (JAX's {@code _cond_dce_rule}, {@code _scan_dce_rule}). */
final class ControlFlowDce {
    private ControlFlowDce() {}

    static <T> List<T> select(List<T> xs, boolean[] keep) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) if (keep[i]) out.add(xs.get(i));
        return out;
    }

    private static List<Boolean> boxed(boolean[] m) {
        List<Boolean> out = new ArrayList<>();
        for (boolean b : m) out.add(b);
        return out;
    }

    /** {@code c} restricted to the given inputs and outputs, keeping only the equations those outputs need. */
    private static ClosedJaxpr restrict(ClosedJaxpr c, boolean[] inputs, boolean[] outputs) {
        Jaxpr j = c.jaxpr();
        List<Atom> outs = select(j.outvars(), outputs);
        Jaxpr live = Dce.run(new Jaxpr(j.constvars(), j.invars(), j.eqns(), outs));
        return new ClosedJaxpr(new Jaxpr(j.constvars(), select(j.invars(), inputs), live.eqns(), outs), c.consts());
    }

    /** Unused outputs leave every branch; operands no branch reads any more leave the equation. */
    static Eqn cond(Cond c, Eqn e, boolean[] used) {
        int n = e.inputs().size() - 1;
        boolean[] usedIn = new boolean[n];
        for (ClosedJaxpr b : c.branches()) {
            List<Boolean> u = Dce.prune(b.jaxpr(), boxed(used)).usedInputs();
            for (int i = 0; i < n; i++) usedIn[i] |= u.get(i);
        }
        List<ClosedJaxpr> bs = new ArrayList<>();
        for (ClosedJaxpr b : c.branches()) bs.add(restrict(b, usedIn, used));
        List<Atom> in = new ArrayList<>();
        in.add(e.inputs().getFirst());
        in.addAll(select(e.inputs().subList(1, n + 1), usedIn));
        return new Eqn(new Cond(bs), in, select(e.outputs(), used));
    }

    /** Unused outputs leave the body, and carries that no used output depends on (a fixpoint), and unread operands. */
    static Eqn scan(Scan s, Eqn e, boolean[] used) {
        int nc = s.numConsts(), ncar = s.numCarry(), n = s.jaxpr().inTypes().size();
        Jaxpr j = s.jaxpr().jaxpr();
        boolean[] outs = used.clone();
        List<Boolean> usedIn;
        while (true) {
            usedIn = Dce.prune(j, boxed(outs)).usedInputs();
            boolean changed = false;
            for (int i = 0; i < ncar; i++) {
                if (usedIn.get(nc + i) && !outs[i]) {
                    outs[i] = true;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        boolean[] keepIn = new boolean[n];
        for (int i = 0; i < n; i++) keepIn[i] = i >= nc && i < nc + ncar ? outs[i - nc] : usedIn.get(i);
        boolean all = true;
        for (boolean b : keepIn) all &= b;
        for (boolean b : outs) all &= b;
        if (all) return e;
        int numConsts = 0, numCarry = 0;
        for (int i = 0; i < nc; i++) if (keepIn[i]) numConsts++;
        for (int i = 0; i < ncar; i++) if (outs[i]) numCarry++;
        Scan pruned = new Scan(restrict(s.jaxpr(), keepIn, outs), s.length(), numCarry, numConsts, s.reverse(), s.unroll());
        return new Eqn(pruned, select(e.inputs(), keepIn), select(e.outputs(), outs));
    }
}
