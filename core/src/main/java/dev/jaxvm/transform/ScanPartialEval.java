package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Scan;
import java.util.ArrayList;
import java.util.List;

/**
 * Partial evaluation of {@code scan} (see {@link ControlFlowPartialEval}): the known scan computes the
 * known carries and outputs and also emits each step's known input carries (stacked); the unknown
 * scan takes the known constants, that history and the known scanned operands as residuals, and
 * recomputes within each step the known values its unknown outputs need.
 */
final class ScanPartialEval {
    private ScanPartialEval() {}

    static List<Array> run(PartialEvalInterpreter pe, Scan s, List<Array> args) {
        int nc = s.numConsts(), ncar = s.numCarry(), nx = args.size() - nc - ncar;
        Jaxpr j = s.jaxpr().jaxpr();
        int nys = j.outvars().size() - ncar;
        boolean[] constUk = uk(pe, args, 0, nc), carryUk = uk(pe, args, nc, nc + ncar), xsUk = uk(pe, args, nc + ncar, args.size());
        boolean[] outUk;
        while (true) {
            outUk = ControlFlowPartialEval.unknownOutputs(j, CfJaxprs.cat(constUk, carryUk, xsUk));
            if (!CfJaxprs.orInto(carryUk, java.util.Arrays.copyOf(outUk, ncar))) break;
        }
        for (int i = 0; i < ncar; i++) outUk[i] = carryUk[i];
        if (CfJaxprs.count(carryUk) == 0 && CfJaxprs.count(outUk) == 0) {
            return Trace.under(pe.parent(), () -> Trace.bind(s, args));   // unknown operands nothing depends on
        }
        List<Var> constVars = j.invars().subList(0, nc), carryVars = j.invars().subList(nc, nc + ncar);
        List<Var> xVars = j.invars().subList(nc + ncar, j.invars().size());
        boolean[] constK = ControlFlowPartialEval.not(constUk), carryK = ControlFlowPartialEval.not(carryUk);
        boolean[] xsK = ControlFlowPartialEval.not(xsUk);
        // the known scan: known consts, known carries, known xs -> known carries, known ys, known carry history
        List<Var> kin = new ArrayList<>(CfJaxprs.select(constVars, constK));
        kin.addAll(CfJaxprs.select(carryVars, carryK));
        kin.addAll(CfJaxprs.select(xVars, xsK));
        List<Atom> kout = new ArrayList<>(CfJaxprs.select(j.outvars().subList(0, ncar), carryK));
        kout.addAll(CfJaxprs.select(j.outvars().subList(ncar, ncar + nys), ControlFlowPartialEval.not(java.util.Arrays.copyOfRange(outUk, ncar, ncar + nys))));
        int nKnownOut = kout.size();
        List<Var> history = CfJaxprs.select(carryVars, carryK);
        kout.addAll(history);
        ClosedJaxpr known = ControlFlowPartialEval.restrict(s.jaxpr(), kin, kout);
        List<Array> kargs = new ArrayList<>(CfJaxprs.select(args.subList(0, nc), constK));
        kargs.addAll(CfJaxprs.select(args.subList(nc, nc + ncar), carryK));
        kargs.addAll(CfJaxprs.select(args.subList(nc + ncar, args.size()), xsK));
        int kcar = CfJaxprs.count(carryK), kc = CfJaxprs.count(constK);
        List<Array> kres = kout.isEmpty() ? List.of() : Trace.under(pe.parent(),
                () -> Trace.bind(new Scan(known, s.length(), kcar, kc, s.reverse(), s.unroll()), kargs));
        List<Array> knownOuts = kres.subList(0, nKnownOut), hist = kres.subList(nKnownOut, kres.size());
        // the unknown scan: consts (known, then unknown), unknown carries, xs (history, known xs, unknown xs)
        List<Var> uin = new ArrayList<>(CfJaxprs.select(constVars, constK));
        uin.addAll(CfJaxprs.select(constVars, constUk));
        uin.addAll(CfJaxprs.select(carryVars, carryUk));
        uin.addAll(history);
        uin.addAll(CfJaxprs.select(xVars, xsK));
        uin.addAll(CfJaxprs.select(xVars, xsUk));
        List<Atom> uout = CfJaxprs.select(j.outvars(), outUk);
        ClosedJaxpr unknown = ControlFlowPartialEval.restrict(s.jaxpr(), uin, uout);
        List<Array> uargs = new ArrayList<>(CfJaxprs.select(args.subList(0, nc), constK));
        uargs.addAll(CfJaxprs.select(args.subList(0, nc), constUk));
        uargs.addAll(CfJaxprs.select(args.subList(nc, nc + ncar), carryUk));
        uargs.addAll(hist);
        uargs.addAll(CfJaxprs.select(args.subList(nc + ncar, args.size()), xsK));
        uargs.addAll(CfJaxprs.select(args.subList(nc + ncar, args.size()), xsUk));
        List<Array> unknownOuts = pe.stage(new Scan(unknown, s.length(), CfJaxprs.count(carryUk), nc, s.reverse(), s.unroll()), uargs);
        List<Array> out = new ArrayList<>();
        for (int k = 0, a = 0, b = 0; k < ncar + nys; k++) out.add(outUk[k] ? unknownOuts.get(b++) : knownOuts.get(a++));
        return out;
    }

    private static boolean[] uk(PartialEvalInterpreter pe, List<Array> args, int from, int to) {
        boolean[] m = new boolean[to - from];
        for (int i = from; i < to; i++) m[i - from] = pe.owns(args.get(i));
        return m;
    }
}
