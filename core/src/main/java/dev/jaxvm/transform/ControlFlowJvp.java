package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Cond;
import dev.jaxvm.lax.Differentiable;
import dev.jaxvm.lax.Scan;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.lax.While;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVP rules of {@code cond}, {@code while} and {@code scan} (JAX's {@code _cond_jvp},
 * {@code _while_loop_jvp}, {@code _scan_jvp}): the same primitive on the JVP of its programs, the
 * non-zero tangents riding along as extra operands. Loop carries whose tangent becomes non-zero in
 * the body are found by a fixpoint, as in JAX.
 */
final class ControlFlowJvp {
    private ControlFlowJvp() {}

    static boolean[] nonZero(List<Array> tangents, int from, int to) {
        boolean[] nz = new boolean[to - from];
        for (int i = from; i < to; i++) nz[i - from] = tangents.get(i) != null;
        return nz;
    }

    /** The tangents marked in {@code nz}, instantiating zeros for missing ones. */
    static List<Array> dots(List<Array> primals, List<Array> tangents, int from, boolean[] nz) {
        List<Array> out = new ArrayList<>();
        for (int i = 0; i < nz.length; i++) {
            if (!nz[i]) continue;
            Array t = tangents.get(from + i);
            out.add(t != null ? t : Tangents.zeros(Tangents.tangentType(primals.get(from + i).type())));
        }
        return out;
    }

    static Differentiable.Jvp cond(Cond c, List<Array> primals, List<Array> tangents) {
        int n = primals.size() - 1;
        int nOut = c.branches().getFirst().outTypes().size();
        boolean[] nz = nonZero(tangents, 1, n + 1);
        boolean[] union = new boolean[nOut];
        for (ClosedJaxpr b : c.branches()) CfJaxprs.orInto(union, CfJaxprs.jvp(b, new int[] {n}, nz, new int[] {nOut}, union).outNz());
        List<ClosedJaxpr> bs = new ArrayList<>();
        for (ClosedJaxpr b : c.branches()) bs.add(CfJaxprs.jvp(b, new int[] {n}, nz, new int[] {nOut}, union).jaxpr());
        List<Array> args = new ArrayList<>(primals);
        args.addAll(dots(primals, tangents, 1, nz));
        List<Array> outs = Trace.bind(new Cond(bs), args);
        return split(outs, nOut, union);
    }

    private static Differentiable.Jvp split(List<Array> outs, int nOut, boolean[] nz) {
        List<Array> t = Tangents.zerosList(nOut);
        for (int k = 0, j = nOut; k < nOut; k++) if (nz[k]) t.set(k, outs.get(j++));
        return new Differentiable.Jvp(outs.subList(0, nOut), t);
    }

    static Differentiable.Jvp whileLoop(While w, List<Array> primals, List<Array> tangents) {
        int cc = w.condNconsts(), bc = w.bodyNconsts(), nCarry = primals.size() - cc - bc;
        boolean[] bconstNz = nonZero(tangents, cc, cc + bc);
        boolean[] carryNz = nonZero(tangents, cc + bc, primals.size());
        CfJaxprs.Jvped body;
        do {
            body = CfJaxprs.jvp(w.bodyJaxpr(), new int[] {bc, nCarry}, CfJaxprs.cat(bconstNz, carryNz), new int[] {nCarry}, carryNz);
        } while (CfJaxprs.orInto(carryNz, body.outNz()));
        List<ArrayType> carryTypes = w.bodyJaxpr().outTypes();
        List<ArrayType> dotTypes = new ArrayList<>();
        for (int i = 0; i < nCarry; i++) if (carryNz[i]) dotTypes.add(Tangents.tangentType(carryTypes.get(i)));
        ClosedJaxpr cond = CfJaxprs.withUnusedInputs(w.condJaxpr(), dotTypes);
        List<Array> args = new ArrayList<>(primals.subList(0, cc + bc));
        List<Array> bdots = dots(primals, tangents, cc, bconstNz);
        args.addAll(bdots);
        args.addAll(primals.subList(cc + bc, primals.size()));
        args.addAll(dots(primals, tangents, cc + bc, carryNz));
        List<Array> outs = Trace.bind(new While(cond, cc, body.jaxpr(), bc + bdots.size()), args);
        return split(outs, nCarry, carryNz);
    }

    static Differentiable.Jvp scan(Scan s, List<Array> primals, List<Array> tangents) {
        int nc = s.numConsts(), ncar = s.numCarry(), nx = primals.size() - nc - ncar;
        int nys = s.jaxpr().outTypes().size() - ncar;
        boolean[] constNz = nonZero(tangents, 0, nc), xsNz = nonZero(tangents, nc + ncar, primals.size());
        boolean[] carryNz = nonZero(tangents, nc, nc + ncar);
        CfJaxprs.Jvped body;
        do {
            body = CfJaxprs.jvp(s.jaxpr(), new int[] {nc, ncar, nx}, CfJaxprs.cat(constNz, carryNz, xsNz),
                    new int[] {ncar, nys}, CfJaxprs.cat(carryNz, new boolean[nys]));
        } while (CfJaxprs.orInto(carryNz, Arrays.copyOf(body.outNz(), ncar)));
        List<Array> args = new ArrayList<>(primals.subList(0, nc));
        args.addAll(dots(primals, tangents, 0, constNz));
        args.addAll(primals.subList(nc, nc + ncar));
        args.addAll(dots(primals, tangents, nc, carryNz));
        args.addAll(primals.subList(nc + ncar, primals.size()));
        args.addAll(dots(primals, tangents, nc + ncar, xsNz));
        int ncDots = CfJaxprs.count(constNz), ncarDots = CfJaxprs.count(carryNz);
        List<Array> outs = Trace.bind(new Scan(body.jaxpr(), s.length(), ncar + ncarDots, nc + ncDots, s.reverse(), s.unroll()), args);
        boolean[] outNz = body.outNz();
        List<Array> primalOut = new ArrayList<>(outs.subList(0, ncar));
        List<Array> tangentOut = Tangents.zerosList(ncar + nys);
        for (int k = 0, j = ncar; k < ncar; k++) if (outNz[k]) tangentOut.set(k, outs.get(j++));
        int ysStart = ncar + ncarDots;
        primalOut.addAll(outs.subList(ysStart, ysStart + nys));
        for (int k = 0, j = ysStart + nys; k < nys; k++) if (outNz[ncar + k]) tangentOut.set(ncar + k, outs.get(j++));
        return new Differentiable.Jvp(primalOut, tangentOut);
    }
}
