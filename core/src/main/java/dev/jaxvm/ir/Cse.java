package dev.jaxvm.ir;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common-subexpression elimination: an equation with the same primitive (record equality: same
 * parameters) applied to the same operands as an earlier one is dropped and its outputs replaced
 * by the earlier outputs. Literals are compared by type and value.
 *
 * {@snippet :
 * Jaxpr j = Cse.run(jaxpr);   // sin a; sin a  ->  one sin
 * }
 */
public final class Cse {
    private Cse() {}

    private record LiteralKey(ArrayType type, Object value) {}

    private record Key(Primitive primitive, List<Object> inputs) {}

    /** {@code jaxpr} with repeated computations removed. */
    public static Jaxpr run(Jaxpr jaxpr) {
        Map<Var, Atom> subst = new IdentityHashMap<>();
        Map<Key, List<Var>> seen = new HashMap<>();
        List<Eqn> out = new ArrayList<>();
        for (Eqn e : jaxpr.eqns()) {
            List<Atom> ins = new ArrayList<>(e.inputs().size());
            List<Object> key = new ArrayList<>(e.inputs().size());
            for (Atom a : e.inputs()) {
                Atom r = resolve(subst, a);
                ins.add(r);
                key.add(switch (r) {
                    case Var v -> v;
                    case Literal l -> new LiteralKey(l.type(), l.value().item());
                });
            }
            List<Var> prev = seen.putIfAbsent(new Key(e.primitive(), key), e.outputs());
            if (prev != null) {
                for (int i = 0; i < prev.size(); i++) subst.put(e.outputs().get(i), prev.get(i));
            } else {
                out.add(new Eqn(e.primitive(), ins, e.outputs()));
            }
        }
        List<Atom> outvars = new ArrayList<>();
        for (Atom a : jaxpr.outvars()) outvars.add(resolve(subst, a));
        return new Jaxpr(jaxpr.constvars(), jaxpr.invars(), out, outvars);
    }

    private static Atom resolve(Map<Var, Atom> subst, Atom a) {
        return a instanceof Var v && subst.containsKey(v) ? subst.get(v) : a;
    }
}
