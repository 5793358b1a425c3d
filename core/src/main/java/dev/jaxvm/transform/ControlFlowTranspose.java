package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Cond;
import dev.jaxvm.lax.Scan;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.lax.Transposable;
import dev.jaxvm.lax.While;
import java.util.ArrayList;
import java.util.List;

/**
 * The transpose rules of {@code cond} and {@code scan} (JAX's {@code _cond_transpose},
 * {@code _scan_transpose}): a {@code cond} of the transposed branches, and a {@code scan} running the
 * other way whose carry holds the cotangents of the carries and of the linear constants (summed over
 * the steps) and whose outputs are the cotangents of the linear scanned operands. A {@code while}
 * has no transpose: JAX's reverse-mode error.
 */
final class ControlFlowTranspose {
    private ControlFlowTranspose() {}

    static List<Array> whileLoop(While w, List<Transposable.Operand> ops, List<Array> cts) {
        throw new IllegalArgumentException("Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop"
                + " with dynamic start/stop values. Try using lax.scan, or using fori_loop with static start/stop.");
    }

    /**
     * {@code callee} transposed: it takes the known operands then the output cotangents, and returns
     * the cotangents of the linear operands (zeros where none flows).
     */
    private static ClosedJaxpr transposed(ClosedJaxpr callee, boolean[] linear, List<ArrayType> knownTypes, List<ArrayType> ctTypes) {
        Jaxpr inner = callee.jaxpr();
        List<Var> knownVars = new ArrayList<>(inner.constvars()), linearVars = new ArrayList<>();
        for (int i = 0; i < linear.length; i++) (linear[i] ? linearVars : knownVars).add(inner.invars().get(i));
        int k = knownTypes.size();
        ClosedJaxpr t = StagingInterpreter.trace(xs -> {
            List<Array> consts = new ArrayList<>(callee.consts());
            consts.addAll(xs.subList(0, k));
            ClosedJaxpr lin = new ClosedJaxpr(new Jaxpr(knownVars, linearVars, inner.eqns(), inner.outvars()), consts);
            List<Array> back = Transpose.backwardPass(lin, xs.subList(k, xs.size()));
            List<Array> out = new ArrayList<>();
            for (int i = 0; i < back.size(); i++) {
                out.add(back.get(i) != null ? back.get(i) : Tangents.zeros(Tangents.tangentType(linearVars.get(i).type())));
            }
            return out;
        }, CfJaxprs.catTypes(knownTypes, ctTypes));
        for (Array c : t.consts()) {
            if (c instanceof Tracer) throw new UnsupportedOperationException("transpose of a control-flow primitive closing over a traced value");
        }
        return t;
    }

    static List<Array> cond(Cond c, List<Transposable.Operand> ops, List<Array> cts) {
        int n = ops.size() - 1;
        boolean[] linear = new boolean[n];
        List<Array> known = new ArrayList<>();
        List<ArrayType> knownTypes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            linear[i] = ops.get(i + 1).isLinear();
            if (!linear[i]) {
                known.add(ops.get(i + 1).value());
                knownTypes.add(ops.get(i + 1).type());
            }
        }
        List<ArrayType> ctTypes = new ArrayList<>();
        for (Array ct : cts) ctTypes.add(ct.type());
        List<ClosedJaxpr> bs = new ArrayList<>();
        for (ClosedJaxpr b : c.branches()) bs.add(transposed(b, linear, knownTypes, ctTypes));
        List<Array> args = new ArrayList<>();
        args.add(ops.getFirst().value());
        args.addAll(known);
        args.addAll(cts);
        List<Array> res = Trace.bind(new Cond(bs), args);
        List<Array> out = new ArrayList<>();
        out.add(null);
        for (int i = 0, j = 0; i < n; i++) out.add(linear[i] ? res.get(j++) : null);
        return out;
    }

    /** Carries are always treated as linear (a known carry operand is an instantiated zero tangent). */
    static List<Array> scan(Scan s, List<Transposable.Operand> ops, List<Array> cts) {
        int nc = s.numConsts(), ncar = s.numCarry(), nx = ops.size() - nc - ncar;
        Jaxpr j = s.jaxpr().jaxpr();
        int nys = j.outvars().size() - ncar;
        boolean[] constLin = new boolean[nc], xsLin = new boolean[nx];
        for (int i = 0; i < nc; i++) constLin[i] = ops.get(i).isLinear();
        for (int i = 0; i < nx; i++) xsLin[i] = ops.get(nc + ncar + i).isLinear();
        List<Var> cv = j.invars().subList(0, nc), carryV = j.invars().subList(nc, nc + ncar), xv = j.invars().subList(nc + ncar, j.invars().size());
        List<Var> knownVars = new ArrayList<>(j.constvars());
        knownVars.addAll(CfJaxprs.select(cv, ControlFlowPartialEval.not(constLin)));
        knownVars.addAll(CfJaxprs.select(xv, ControlFlowPartialEval.not(xsLin)));
        List<Var> linVars = new ArrayList<>(CfJaxprs.select(cv, constLin));
        linVars.addAll(carryV);
        linVars.addAll(CfJaxprs.select(xv, xsLin));
        int nkc = nc - CfJaxprs.count(constLin), nlc = CfJaxprs.count(constLin), nkx = nx - CfJaxprs.count(xsLin);
        List<ArrayType> types = new ArrayList<>();
        for (Var v : CfJaxprs.select(cv, ControlFlowPartialEval.not(constLin))) types.add(v.type());
        for (Var v : CfJaxprs.select(cv, constLin)) types.add(Tangents.tangentType(v.type()));
        for (Atom o : j.outvars().subList(0, ncar)) types.add(Tangents.tangentType(o.type()));
        for (Atom o : j.outvars().subList(ncar, ncar + nys)) types.add(Tangents.tangentType(o.type()));
        for (Var v : CfJaxprs.select(xv, ControlFlowPartialEval.not(xsLin))) types.add(v.type());
        ClosedJaxpr body = s.jaxpr();
        ClosedJaxpr tb = StagingInterpreter.trace(xs -> {
            int p = 0;
            List<Array> kc = xs.subList(p, p += nkc), acc = xs.subList(p, p += nlc), ctCarry = xs.subList(p, p += ncar);
            List<Array> ctY = xs.subList(p, p += nys), kx = xs.subList(p, p += nkx);
            List<Array> consts = new ArrayList<>(body.consts());
            consts.addAll(kc);
            consts.addAll(kx);
            ClosedJaxpr lin = new ClosedJaxpr(new Jaxpr(knownVars, linVars, j.eqns(), j.outvars()), consts);
            List<Array> back = Transpose.backwardPass(lin, CfJaxprs.catArrays(ctCarry, ctY));
            List<Array> out = new ArrayList<>();
            for (int i = 0; i < nlc; i++) out.add(Tangents.add(acc.get(i), back.get(i)));
            for (int i = nlc; i < back.size(); i++) {
                out.add(back.get(i) != null ? back.get(i) : Tangents.zeros(Tangents.tangentType(linVars.get(i).type())));
            }
            return out;
        }, types);
        Hoisted h = Hoisted.tracersOf(tb);
        List<Array> args = new ArrayList<>(h.consts());
        for (int i = 0; i < nc; i++) if (!constLin[i]) args.add(ops.get(i).value());
        for (int i = 0; i < nc; i++) if (constLin[i]) args.add(Tangents.zeros(Tangents.tangentType(ops.get(i).type())));
        args.addAll(cts);
        for (int i = 0; i < nx; i++) if (!xsLin[i]) args.add(ops.get(nc + ncar + i).value());
        List<Array> res = Trace.bind(new Scan(h.jaxpr(), s.length(), nlc + ncar, h.consts().size() + nkc, !s.reverse(), s.unroll()), args);
        List<Array> out = new ArrayList<>();
        for (int i = 0, l = 0; i < nc; i++) out.add(constLin[i] ? res.get(l++) : null);
        for (int i = 0; i < ncar; i++) out.add(ops.get(nc + i).isLinear() ? res.get(nlc + i) : null);
        for (int i = 0, l = nlc + ncar; i < nx; i++) out.add(xsLin[i] ? res.get(l++) : null);
        return out;
    }
}
