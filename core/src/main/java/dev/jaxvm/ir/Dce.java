package dev.jaxvm.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Dead-code elimination (JAX's {@code pe.dce_jaxpr}): equations none of whose outputs are needed
 * are removed (jaxvm's primitives have no side effects). Nested jaxprs are left as they are.
 *
 * {@snippet :
 * Jaxpr smaller = Dce.run(jaxpr);                                       // same inputs and outputs
 * Dce.Result r = Dce.prune(jaxpr, List.of(true, false));                // drop output 1 and what only it needed
 * }
 */
public final class Dce {
    private Dce() {}

    /**
     * A pruned program.
     *
     * @param jaxpr the program with only the used outputs and inputs
     * @param usedInputs for each original input, whether it is still an input
     */
    public record Result(Jaxpr jaxpr, List<Boolean> usedInputs) {
        public Result {
            usedInputs = List.copyOf(usedInputs);
        }
    }

    /** {@code jaxpr} without equations whose outputs are not used; inputs and outputs unchanged. */
    public static Jaxpr run(Jaxpr jaxpr) {
        Set<Var> live = liveVars(jaxpr.outvars());
        List<Eqn> kept = keptEqns(jaxpr, live);
        return new Jaxpr(jaxpr.constvars(), jaxpr.invars(), kept, jaxpr.outvars());
    }

    /**
     * Keeps only the outputs marked used, the equations they need, and the inputs those read.
     *
     * @throws IllegalArgumentException if {@code usedOutputs} has the wrong length
     */
    public static Result prune(Jaxpr jaxpr, List<Boolean> usedOutputs) {
        if (usedOutputs.size() != jaxpr.outvars().size()) {
            throw new IllegalArgumentException("dce: " + usedOutputs.size() + " flags for " + jaxpr.outvars().size()
                    + " outputs");
        }
        List<Atom> outs = new ArrayList<>();
        for (int i = 0; i < usedOutputs.size(); i++) if (usedOutputs.get(i)) outs.add(jaxpr.outvars().get(i));
        Set<Var> live = liveVars(outs);
        List<Eqn> kept = keptEqns(jaxpr, live);
        List<Var> invars = new ArrayList<>();
        List<Boolean> used = new ArrayList<>();
        for (Var v : jaxpr.invars()) {
            boolean u = live.contains(v);
            used.add(u);
            if (u) invars.add(v);
        }
        return new Result(new Jaxpr(jaxpr.constvars(), invars, kept, outs), used);
    }

    private static Set<Var> liveVars(List<Atom> outs) {
        Set<Var> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Atom a : outs) if (a instanceof Var v) live.add(v);
        return live;
    }

    /** Walks backwards marking what live outputs need; {@code live} ends holding every needed variable. */
    private static List<Eqn> keptEqns(Jaxpr jaxpr, Set<Var> live) {
        List<Eqn> kept = new ArrayList<>();
        for (int i = jaxpr.eqns().size() - 1; i >= 0; i--) {
            Eqn e = jaxpr.eqns().get(i);
            boolean needed = false;
            for (Var v : e.outputs()) needed |= live.contains(v);
            if (!needed) continue;
            e = DceRule.pruned(e, live);
            kept.add(e);
            for (Atom a : e.inputs()) if (a instanceof Var v) live.add(v);
        }
        Collections.reverse(kept);
        return kept;
    }
}
