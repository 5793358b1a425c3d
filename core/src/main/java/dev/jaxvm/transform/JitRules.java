package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Differentiable;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.lax.Transposable;
import java.util.ArrayList;
import java.util.List;

/**
 * The autodiff rules of {@code jit}, as JAX applies them: the JVP of a {@code jit} equation is a
 * {@code jit} of the JVP Jaxpr (primals and non-zero tangents in, primals and non-zero tangents out);
 * partial evaluation splits it into a known {@code jit} (primal outputs and residuals, computed now)
 * and an unknown {@code jit} (the linear part); the transpose of a {@code jit} is a {@code jit} of
 * the transposed Jaxpr.
 */
final class JitRules {
    private JitRules() {}

    /** The JVP of a {@code jit} equation; runs under the JVP interpreter's parent. */
    static Differentiable.Jvp jvp(Jit jit, List<Array> primals, List<Array> tangents) {
        int n = primals.size();
        List<Integer> nz = new ArrayList<>();
        List<ArrayType> types = new ArrayList<>();
        for (Array p : primals) types.add(p.type());
        for (int i = 0; i < n; i++) {
            if (tangents.get(i) != null) {
                nz.add(i);
                types.add(tangents.get(i).type());
            }
        }
        boolean[][] zeroOut = new boolean[1][];
        ClosedJaxpr jj = StagingInterpreter.trace(xs -> {
            List<Array> ts = Tangents.zerosList(n);
            for (int k = 0; k < nz.size(); k++) ts.set(nz.get(k), xs.get(n + k));
            JvpInterpreter.Result r = JvpInterpreter.jvp(ys -> JaxprEval.eval(jit.jaxpr(), ys), xs.subList(0, n), ts);
            List<Array> outs = new ArrayList<>(r.primalsOut());
            zeroOut[0] = new boolean[r.tangentsOut().size()];
            for (int k = 0; k < r.tangentsOut().size(); k++) {
                zeroOut[0][k] = r.tangentsOut().get(k) == null;
                if (!zeroOut[0][k]) outs.add(r.tangentsOut().get(k));
            }
            return outs;
        }, types);
        Hoisted h = Hoisted.tracersOf(jj);
        List<Array> args = new ArrayList<>(primals);
        for (int i : nz) args.add(tangents.get(i));
        List<Array> outs = Trace.bind(new Jit(jit.functionName(), h.jaxpr()), h.operands(args));
        int m = zeroOut[0].length;
        List<Array> tOut = Tangents.zerosList(m);
        for (int k = 0, j = m; k < m; k++) if (!zeroOut[0][k]) tOut.set(k, outs.get(j++));
        return new Differentiable.Jvp(outs.subList(0, m), tOut);
    }

    /** Partial evaluation of a {@code jit} equation with some unknown operands, under {@code pe}. */
    static List<Array> partialEval(PartialEvalInterpreter pe, Jit jit, List<Array> args) {
        List<Array> known = new ArrayList<>();
        List<ArrayType> knownTypes = new ArrayList<>();
        for (Array a : args) {
            if (!pe.owns(a)) {
                known.add(a);
                knownTypes.add(a.type());
            }
        }
        ClosedJaxpr[] unknownJaxpr = new ClosedJaxpr[1];
        boolean[][] unknownOut = new boolean[1][];
        int[][] forwarded = new int[1][];
        ClosedJaxpr knownJaxpr = Trace.under(pe.parent(), () -> StagingInterpreter.trace(kxs -> {
            PartialEvalInterpreter inner = new PartialEvalInterpreter(Trace.current());
            List<Array> full = new ArrayList<>(args.size());
            int k = 0;
            for (Array a : args) full.add(pe.owns(a) ? inner.newInput(a.type()) : kxs.get(k++));
            List<Array> outs = Trace.under(inner, () -> JaxprEval.eval(jit.jaxpr(), full));
            unknownOut[0] = new boolean[outs.size()];
            List<Array> knownOuts = new ArrayList<>();
            List<Array> unknownOuts = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                unknownOut[0][i] = inner.owns(outs.get(i));
                (unknownOut[0][i] ? unknownOuts : knownOuts).add(outs.get(i));
            }
            unknownJaxpr[0] = inner.toJaxpr(unknownOuts);
            forwarded[0] = new int[unknownJaxpr[0].consts().size()];
            for (int r = 0; r < forwarded[0].length; r++) {
                Array res = unknownJaxpr[0].consts().get(r);
                forwarded[0][r] = indexOf(kxs, res);
                if (forwarded[0][r] < 0) knownOuts.add(res);   // residuals that are known inputs are forwarded
            }
            return knownOuts;
        }, knownTypes));
        // as JAX, the known jit computes only what is used: the known outputs and the residuals
        Hoisted kh = Hoisted.tracersOf(new ClosedJaxpr(Dce.run(knownJaxpr.jaxpr()), knownJaxpr.consts()));
        List<Array> knownRes = knownJaxpr.jaxpr().outvars().isEmpty() ? List.of() : Trace.under(pe.parent(),
                () -> Trace.bind(new Jit(jit.functionName(), kh.jaxpr()), kh.operands(known)));
        int numKnownOuts = 0;
        for (boolean u : unknownOut[0]) if (!u) numKnownOuts++;
        List<Array> residuals = new ArrayList<>();
        for (int r = 0, next = numKnownOuts; r < forwarded[0].length; r++) {
            residuals.add(forwarded[0][r] >= 0 ? known.get(forwarded[0][r]) : knownRes.get(next++));
        }
        Hoisted uh = Hoisted.of(unknownJaxpr[0]);
        List<Array> unknownArgs = new ArrayList<>(residuals);
        for (Array a : args) if (pe.owns(a)) unknownArgs.add(a);
        List<Array> unknownRes = uh.jaxpr().jaxpr().outvars().isEmpty() ? List.of()
                : pe.stage(new Jit(jit.functionName(), uh.jaxpr()), unknownArgs);
        List<Array> out = new ArrayList<>(unknownOut[0].length);
        for (int i = 0, a = 0, b = 0; i < unknownOut[0].length; i++) {
            out.add(unknownOut[0][i] ? unknownRes.get(b++) : knownRes.get(a++));
        }
        return out;
    }

    private static int indexOf(List<Array> xs, Array x) {
        for (int i = 0; i < xs.size(); i++) if (xs.get(i) == x) return i;
        return -1;
    }

    /** The transpose of a {@code jit} equation linear in its {@link Transposable.Undefined} operands. */
    static List<Array> transpose(Jit jit, List<Transposable.Operand> ops, List<Array> cts) {
        return bindTransposed(jit.jaxpr(), ops, cts, j -> new Jit(jit.functionName(), j));
    }

    /**
     * Binds the call primitive {@code make} of the transpose of {@code callee} (linear in the
     * {@link Transposable.Undefined} operands): its inputs are the known operands then the output
     * cotangents, its outputs the linear operands' cotangents.
     */
    static List<Array> bindTransposed(ClosedJaxpr callee, List<Transposable.Operand> ops, List<Array> cts,
            java.util.function.Function<ClosedJaxpr, dev.jaxvm.core.Primitive> make) {
        Jaxpr inner = callee.jaxpr();
        List<Array> known = new ArrayList<>();
        List<ArrayType> types = new ArrayList<>();
        List<Var> knownVars = new ArrayList<>(inner.constvars());
        List<Var> linearVars = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Transposable.Operand o = ops.get(i);
            if (o.isLinear()) linearVars.add(inner.invars().get(i));
            else {
                knownVars.add(inner.invars().get(i));
                known.add(o.value());
                types.add(o.type());
            }
        }
        for (Array c : cts) types.add(c.type());
        int k = known.size();
        ClosedJaxpr tj = StagingInterpreter.trace(xs -> {
            List<Array> consts = new ArrayList<>(callee.consts());
            consts.addAll(xs.subList(0, k));
            ClosedJaxpr lin = new ClosedJaxpr(new Jaxpr(knownVars, linearVars, inner.eqns(), inner.outvars()), consts);
            List<Array> back = Transpose.backwardPass(lin, xs.subList(k, xs.size()));
            List<Array> out = new ArrayList<>(back.size());
            for (int i = 0; i < back.size(); i++) {
                out.add(back.get(i) != null ? back.get(i) : Tangents.zeros(Tangents.tangentType(linearVars.get(i).type())));
            }
            return out;
        }, types);
        Hoisted h = Hoisted.tracersOf(tj);
        List<Array> args = new ArrayList<>(known);
        args.addAll(cts);
        List<Array> res = Trace.bind(make.apply(h.jaxpr()), h.operands(args));
        List<Array> out = new ArrayList<>(ops.size());
        int j = 0;
        for (Transposable.Operand o : ops) out.add(o.isLinear() ? res.get(j++) : null);
        return out;
    }
}
