package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a Jaxpr by binding each equation's primitive under the current interpreter: eagerly
 * when none is active, or re-traced into an enclosing transformation.
 */
public final class JaxprEval {
    private JaxprEval() {}

    /**
     * Runs {@code closed} on {@code args}.
     *
     * @throws IllegalArgumentException if the number of arguments is wrong
     */
    public static List<Array> eval(ClosedJaxpr closed, List<? extends Array> args) {
        Jaxpr j = closed.jaxpr();
        if (args.size() != j.invars().size()) {
            throw new IllegalArgumentException("jaxpr takes " + j.invars().size() + " arguments, got " + args.size());
        }
        Map<Var, Array> env = new IdentityHashMap<>();
        for (int i = 0; i < j.constvars().size(); i++) env.put(j.constvars().get(i), closed.consts().get(i));
        for (int i = 0; i < args.size(); i++) env.put(j.invars().get(i), args.get(i));
        for (Eqn e : j.eqns()) {
            List<Array> in = new ArrayList<>(e.inputs().size());
            for (Atom a : e.inputs()) in.add(read(env, a));
            List<Array> out = Trace.bind(e.primitive(), in);
            for (int i = 0; i < out.size(); i++) env.put(e.outputs().get(i), out.get(i));
        }
        List<Array> outs = new ArrayList<>(j.outvars().size());
        for (Atom a : j.outvars()) outs.add(read(env, a));
        return outs;
    }

    private static Array read(Map<Var, Array> env, Atom a) {
        return switch (a) {
            case Literal l -> l.value();
            case Var v -> {
                Array x = env.get(v);
                if (x == null) throw new IllegalStateException("unbound variable " + v);
                yield x;
            }
        };
    }
}
