package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
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
        List<Array> tangentOut = Trace.bind(new Remat(h.jaxpr(), true), h.operands(args));
        return new Differentiable.Jvp(primalOut, tangentOut);
    }

    /** The transpose of a {@code remat2} equation linear in its {@link Transposable.Undefined} operands. */
    static List<Array> transpose(Remat r, List<Transposable.Operand> ops, List<Array> cts) {
        List<Array> known = new ArrayList<>();
        List<ArrayType> types = new ArrayList<>();
        List<ArrayType> linearTypes = new ArrayList<>();
        for (Transposable.Operand o : ops) {
            if (o.isLinear()) linearTypes.add(o.type());
            else {
                known.add(o.value());
                types.add(o.type());
            }
        }
        for (Array c : cts) types.add(c.type());
        int k = known.size();
        Hoisted h = Hoisted.trace(xs -> {
            List<Array> zeros = new ArrayList<>();
            for (ArrayType t : linearTypes) zeros.add(Tangents.zeros(t));
            Linearize.Result lr = Linearize.linearize(lin -> JaxprEval.eval(r.jaxpr(), merge(ops, xs.subList(0, k), lin)),
                    zeros);
            List<Array> back = Transpose.backwardPass(lr.linear(), xs.subList(k, xs.size()));
            List<Array> out = new ArrayList<>();
            for (int i = 0; i < back.size(); i++) {
                out.add(back.get(i) != null ? back.get(i) : Tangents.zeros(Tangents.tangentType(linearTypes.get(i))));
            }
            return out;
        }, types);
        List<Array> args = new ArrayList<>(known);
        args.addAll(cts);
        List<Array> res = Trace.bind(new Remat(h.jaxpr(), true), h.operands(args));
        List<Array> out = new ArrayList<>(ops.size());
        int j = 0;
        for (Transposable.Operand o : ops) out.add(o.isLinear() ? res.get(j++) : null);
        return out;
    }

    private static List<Array> merge(List<Transposable.Operand> ops, List<Array> known, List<Array> linear) {
        List<Array> out = new ArrayList<>(ops.size());
        int a = 0, b = 0;
        for (Transposable.Operand o : ops) out.add(o.isLinear() ? linear.get(b++) : known.get(a++));
        return out;
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
