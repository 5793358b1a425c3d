package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Cond;
import dev.jaxvm.lax.Scan;
import dev.jaxvm.lax.While;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Partial evaluation of {@code cond}, {@code while} and {@code scan} with some unknown operands
 * (linearize, hence grad and vjp): the outputs that do not depend on unknown operands are computed
 * now by the same primitive on programs cut down to them; the others are staged as the primitive on
 * programs cut down to them, taking the known operands as residuals and recomputing the known
 * intermediate values they need (as a rematerialising checkpoint does). A {@code scan} also
 * saves each step's known carry as a stacked residual, so that its transpose, which runs backwards,
 * never has to recompute a carry.
 */
final class ControlFlowPartialEval {
    private ControlFlowPartialEval() {}

    /** For each output of {@code j}, whether it depends on an input marked unknown. */
    static boolean[] unknownOutputs(Jaxpr j, boolean[] unknownIn) {
        Set<Var> uk = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < unknownIn.length; i++) if (unknownIn[i]) uk.add(j.invars().get(i));
        for (Eqn e : j.eqns()) {
            boolean any = false;
            for (Atom a : e.inputs()) any |= a instanceof Var v && uk.contains(v);
            if (any) uk.addAll(e.outputs());
        }
        boolean[] out = new boolean[j.outvars().size()];
        for (int k = 0; k < out.length; k++) out[k] = j.outvars().get(k) instanceof Var v && uk.contains(v);
        return out;
    }

    /** {@code j} with the given inputs and outputs, keeping only the equations those outputs need. */
    static ClosedJaxpr restrict(ClosedJaxpr c, List<Var> invars, List<Atom> outvars) {
        Jaxpr j = c.jaxpr();
        Jaxpr live = Dce.run(new Jaxpr(j.constvars(), j.invars(), j.eqns(), outvars));
        return new ClosedJaxpr(new Jaxpr(j.constvars(), invars, live.eqns(), outvars), c.consts());
    }

    private static boolean[] unknown(PartialEvalInterpreter pe, List<Array> args, int from, int to) {
        boolean[] m = new boolean[to - from];
        for (int i = from; i < to; i++) m[i - from] = pe.owns(args.get(i));
        return m;
    }

    private static List<Array> known(PartialEvalInterpreter pe, List<Array> args) {
        List<Array> out = new ArrayList<>();
        for (Array a : args) if (!pe.owns(a)) out.add(a);
        return out;
    }

    private static List<Array> merge(boolean[] uk, List<Array> knownOuts, List<Array> unknownOuts) {
        List<Array> out = new ArrayList<>(uk.length);
        for (int k = 0, a = 0, b = 0; k < uk.length; k++) out.add(uk[k] ? unknownOuts.get(b++) : knownOuts.get(a++));
        return out;
    }

    /**
     * JAX's {@code _cond_partial_eval}: each branch is split by {@link PeJaxpr} (the outputs unknown in
     * any branch unknown in all); the known {@code cond} returns the known outputs and every branch's
     * residuals (zeros for the branches not taken), the unknown {@code cond} takes them all.
     */
    static List<Array> cond(PartialEvalInterpreter pe, Cond c, List<Array> args) {
        if (pe.owns(args.getFirst())) return pe.stage(c, args);
        int n = args.size() - 1;
        boolean[] inUk = unknown(pe, args, 1, n + 1);
        int nOut = c.branches().getFirst().outTypes().size();
        boolean[] outUk = new boolean[nOut];
        for (ClosedJaxpr b : c.branches()) {
            CfJaxprs.orInto(outUk, Trace.under(pe.parent(), () -> PeJaxpr.split(b, inUk, outUk, 0)).outUnknown());
        }
        List<PeJaxpr.Split> splits = new ArrayList<>();
        for (ClosedJaxpr b : c.branches()) splits.add(Trace.under(pe.parent(), () -> PeJaxpr.split(b, inUk, outUk, 0)));
        List<ArrayType> resTypes = new ArrayList<>();
        int[] offsets = new int[splits.size() + 1];
        for (int b = 0; b < splits.size(); b++) {
            resTypes.addAll(splits.get(b).residualTypes());
            offsets[b + 1] = resTypes.size();
        }
        List<Array> knownArgs = known(pe, args);
        List<ArrayType> knownTypes = new ArrayList<>();
        for (Array a : knownArgs.subList(1, knownArgs.size())) knownTypes.add(a.type());
        int nKnownOut = nOut - CfJaxprs.count(outUk);
        List<ClosedJaxpr> knownBs = new ArrayList<>(), unknownBs = new ArrayList<>();
        List<ArrayType> ukTypes = new ArrayList<>(resTypes);
        for (int i = 0; i < n; i++) if (inUk[i]) ukTypes.add(args.get(i + 1).type());
        for (int b = 0; b < splits.size(); b++) {
            PeJaxpr.Split sp = splits.get(b);
            int self = b;
            knownBs.add(Trace.under(pe.parent(), () -> StagingInterpreter.trace(kxs -> {
                List<Array> o = JaxprEval.eval(sp.known(), kxs);
                List<Array> out = new ArrayList<>(o.subList(0, nKnownOut));
                for (int r = 0, k = nKnownOut; r < resTypes.size(); r++) {
                    int local = r - offsets[self];
                    if (local < 0 || r >= offsets[self + 1]) out.add(zeros(resTypes.get(r)));
                    else out.add(sp.sources().get(local) == PeJaxpr.Source.CONSTANT ? sp.constants().get(local) : o.get(k++));
                }
                return out;
            }, knownTypes)));
            unknownBs.add(Trace.under(pe.parent(), () -> StagingInterpreter.trace(xs -> {
                List<Array> in = new ArrayList<>(xs.subList(offsets[self], offsets[self + 1]));
                in.addAll(xs.subList(resTypes.size(), xs.size()));
                return JaxprEval.eval(sp.unknown(), in);
            }, ukTypes)));
        }
        List<Array> kres = Trace.under(pe.parent(), () -> Trace.bind(new Cond(knownBs), knownArgs));
        List<Array> uargs = new ArrayList<>();
        uargs.add(args.getFirst());
        uargs.addAll(kres.subList(nKnownOut, kres.size()));
        for (int i = 0; i < n; i++) if (inUk[i]) uargs.add(args.get(i + 1));
        List<Array> unknownOuts = CfJaxprs.count(outUk) == 0 ? List.of() : pe.stage(new Cond(unknownBs), uargs);
        return merge(outUk, kres.subList(0, nKnownOut), unknownOuts);
    }

    /** Zeros of any dtype (a residual of a branch not taken). */
    static Array zeros(ArrayType t) {
        DenseArray z = DenseArray.scalar(t.dtype(), false, 0);
        return t.rank() == 0 ? z : Lax.broadcastInDim(z, t.shape().dims());
    }

    static boolean[] not(boolean[] m) {
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) out[i] = !m[i];
        return out;
    }

    /**
     * The known carries run in a {@code while} of their own when the predicate depends on known values
     * only; the unknown ones in the whole loop, staged (JAX's {@code _while_partial_eval}). Its
     * transpose raises JAX's reverse-mode error.
     */
    static List<Array> whileLoop(PartialEvalInterpreter pe, While w, List<Array> args) {
        int cc = w.condNconsts(), bc = w.bodyNconsts(), n = args.size() - cc - bc;
        boolean[] cconstUk = unknown(pe, args, 0, cc), bconstUk = unknown(pe, args, cc, cc + bc);
        boolean[] carryUk = unknown(pe, args, cc + bc, args.size());
        while (CfJaxprs.orInto(carryUk, unknownOutputs(w.bodyJaxpr().jaxpr(), CfJaxprs.cat(bconstUk, carryUk)))) {
            // fixpoint: a carry is unknown when the body makes it depend on an unknown value
        }
        boolean predUk = unknownOutputs(w.condJaxpr().jaxpr(), CfJaxprs.cat(cconstUk, carryUk))[0];
        if (predUk || CfJaxprs.count(carryUk) == n) return pe.stage(w, args);
        boolean[] carryKnown = not(carryUk);
        Jaxpr cj = w.condJaxpr().jaxpr(), bj = w.bodyJaxpr().jaxpr();
        ClosedJaxpr cond = restrict(w.condJaxpr(), CfJaxprs.select(cj.invars(), not(CfJaxprs.cat(cconstUk, carryUk))), cj.outvars());
        ClosedJaxpr body = restrict(w.bodyJaxpr(), CfJaxprs.select(bj.invars(), not(CfJaxprs.cat(bconstUk, carryUk))),
                CfJaxprs.select(bj.outvars(), carryKnown));
        List<Array> knownArgs = CfJaxprs.select(args, not(CfJaxprs.cat(cconstUk, bconstUk, carryUk)));
        int kcc = cc - CfJaxprs.count(cconstUk), kbc = bc - CfJaxprs.count(bconstUk);
        List<Array> knownOuts = Trace.under(pe.parent(), () -> Trace.bind(new While(cond, kcc, body, kbc), knownArgs));
        List<Array> all = pe.stage(w, args);
        return merge(carryUk, knownOuts, CfJaxprs.select(all, carryUk));
    }

    static List<Array> scan(PartialEvalInterpreter pe, Scan s, List<Array> args) {
        return ScanPartialEval.run(pe, s, args);
    }
}
