package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.lax.Differentiable;
import dev.jaxvm.lax.Remat;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.lax.Transposable;
import java.util.ArrayList;
import java.util.List;

/**
 * The differentiation rules of {@code remat2} ({@code Jax.checkpoint}), which transform whole Jaxprs:
 * the JVP computes the primal outputs inline and the tangents with a {@code remat2} of the JVP Jaxpr
 * (so the only residuals the linear part keeps are the checkpoint's inputs); the transpose
 * linearizes that Jaxpr again in the backward pass (recomputing the forward values) and is itself a
 * {@code remat2}.
 */
final class RematRules {
    private RematRules() {}

    /** The JVP of a {@code remat2} equation; runs under the JVP interpreter's parent. */
    static Differentiable.Jvp jvp(Remat r, List<Array> primals, List<Array> tangents) {
        List<Array> primalOut = JaxprEval.eval(r.jaxpr(), primals);
        int n = primals.size();
        List<ArrayType> types = new ArrayList<>();
        for (Array p : primals) types.add(p.type());
        for (Array p : primals) types.add(Tangents.tangentType(p.type()));
        Hoisted h = Hoisted.trace(xs -> {
            List<Array> ts = new ArrayList<>(xs.subList(n, 2 * n));
            for (int i = 0; i < n; i++) if (!Tangents.isDifferentiable(ts.get(i).type())) ts.set(i, null);
            JvpInterpreter.Result res = JvpInterpreter.jvp(ys -> JaxprEval.eval(r.jaxpr(), ys), xs.subList(0, n), ts);
            return instantiate(res.tangentsOut(), res.primalsOut());
        }, types);
        List<Array> args = new ArrayList<>(primals);
        for (int i = 0; i < n; i++) {
            Array t = tangents.get(i);
            args.add(t != null ? t : Tangents.zeros(Tangents.tangentType(primals.get(i).type())));
        }
        ClosedJaxpr live = new ClosedJaxpr(Dce.run(h.jaxpr().jaxpr()), h.jaxpr().consts());
        List<Array> tangentOut = Trace.bind(new Remat(live, true), h.operands(args));
        return new Differentiable.Jvp(primalOut, tangentOut);
    }

    /** The transpose of a {@code remat2} equation: a {@code remat2} that recomputes the forward values. */
    static List<Array> transpose(Remat r, List<Transposable.Operand> ops, List<Array> cts) {
        return JitRules.bindTransposed(r.jaxpr(), ops, cts, j -> new Remat(j, true));
    }

    private static List<Array> instantiate(List<Array> tangents, List<Array> primals) {
        List<Array> out = new ArrayList<>(tangents.size());
        for (int i = 0; i < tangents.size(); i++) {
            Array t = tangents.get(i);
            out.add(t != null ? t : Tangents.zeros(Tangents.tangentType(primals.get(i).type())));
        }
        return out;
    }
}
