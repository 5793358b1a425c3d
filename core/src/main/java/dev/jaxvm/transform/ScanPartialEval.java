package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Scan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Partial evaluation of {@code scan} (JAX's {@code _scan_partial_eval}): the body is split by
 * {@link PeJaxpr} (carries made unknown until a fixpoint); the known scan computes the known carries
 * and outputs and each step's residuals, stacked; the unknown scan takes them as scanned operands
 * (residuals that are known constants, as constants).
 */
final class ScanPartialEval {
    private ScanPartialEval() {}

    static List<Array> run(PartialEvalInterpreter pe, Scan s, List<Array> args) {
        int nc = s.numConsts(), ncar = s.numCarry(), nx = args.size() - nc - ncar;
        int nys = s.jaxpr().outTypes().size() - ncar;
        boolean[] constUk = uk(pe, args, 0, nc), carryUk = uk(pe, args, nc, nc + ncar), xsUk = uk(pe, args, nc + ncar, args.size());
        int kc = nc - CfJaxprs.count(constUk);
        PeJaxpr.Split sp;
        while (true) {
            boolean[] in = CfJaxprs.cat(constUk, carryUk, xsUk), inst = CfJaxprs.cat(carryUk, new boolean[nys]);
            sp = Trace.under(pe.parent(), () -> PeJaxpr.split(s.jaxpr(), in, inst, kc));
            if (!CfJaxprs.orInto(carryUk, Arrays.copyOf(sp.outUnknown(), ncar))) break;
        }
        boolean[] outUk = sp.outUnknown();
        boolean[] notUk = ControlFlowPartialEval.not(CfJaxprs.cat(constUk, carryUk, xsUk));
        List<Array> kargs = CfJaxprs.select(args, notUk);
        int kcar = ncar - CfJaxprs.count(carryUk);
        int nKnownOut = outUk.length - CfJaxprs.count(outUk);
        ClosedJaxpr known = sp.known();
        List<Array> kres = known.jaxpr().outvars().isEmpty() ? List.of()
                : Trace.under(pe.parent(), () -> Trace.bind(new Scan(known, s.length(), kcar, kc, s.reverse(), s.unroll()), kargs));
        List<Array> knownOuts = kres.subList(0, nKnownOut), stacked = kres.subList(nKnownOut, kres.size());
        // the unknown scan: consts (constant residuals, unknown consts), unknown carries, xs (stacked residuals, unknown xs)
        Jaxpr uj = sp.unknown().jaxpr();
        int r = sp.numResiduals();
        List<Var> resVars = uj.invars().subList(0, r), ukVars = uj.invars().subList(r, uj.invars().size());
        int nukc = CfJaxprs.count(constUk), nukcar = CfJaxprs.count(carryUk);
        List<Var> invars = new ArrayList<>(), computedVars = new ArrayList<>();
        List<Array> uargs = new ArrayList<>(), computedArgs = new ArrayList<>();
        for (int i = 0, c = 0; i < r; i++) {
            switch (sp.sources().get(i)) {
                case KNOWN_INPUT -> {
                    invars.add(resVars.get(i));
                    uargs.add(kargs.get(sp.forwarded()[i]));
                }
                case CONSTANT -> {
                    invars.add(resVars.get(i));
                    uargs.add(sp.constants().get(i));
                }
                case COMPUTED -> {
                    computedVars.add(resVars.get(i));
                    computedArgs.add(stacked.get(c++));
                }
            }
        }
        int numConsts = invars.size() + nukc;
        invars.addAll(ukVars.subList(0, nukc + nukcar));
        invars.addAll(computedVars);
        invars.addAll(ukVars.subList(nukc + nukcar, ukVars.size()));
        uargs.addAll(CfJaxprs.select(args.subList(0, nc), constUk));
        uargs.addAll(CfJaxprs.select(args.subList(nc, nc + ncar), carryUk));
        uargs.addAll(computedArgs);
        uargs.addAll(CfJaxprs.select(args.subList(nc + ncar, args.size()), xsUk));
        ClosedJaxpr unknown = new ClosedJaxpr(new Jaxpr(uj.constvars(), invars, uj.eqns(), uj.outvars()), sp.unknown().consts());
        List<Array> unknownOuts = CfJaxprs.count(outUk) == 0 ? List.of()
                : pe.stage(new Scan(unknown, s.length(), nukcar, numConsts, s.reverse(), s.unroll()), uargs);
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
