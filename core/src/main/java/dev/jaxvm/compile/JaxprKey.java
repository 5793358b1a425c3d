package dev.jaxvm.compile;

import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structural cache key of a closed Jaxpr: its input types, each equation's primitive (records
 * compare by value), operands (by position, literals by value) and output types, its outputs, and
 * its constants by identity.
 */
final class JaxprKey {
    private JaxprKey() {}

    static Object of(ClosedJaxpr closed) {
        Jaxpr j = closed.jaxpr();
        Map<Var, Integer> ids = new IdentityHashMap<>();
        List<Object> key = new ArrayList<>();
        for (Var v : j.constvars()) ids.put(v, ids.size());
        for (Var v : j.invars()) {
            ids.put(v, ids.size());
            key.add(v.type());
        }
        for (Eqn e : j.eqns()) {
            key.add(e.primitive());
            for (Atom a : e.inputs()) key.add(atom(ids, a));
            for (Var v : e.outputs()) {
                ids.put(v, ids.size());
                key.add(v.type());
            }
            key.add(';');
        }
        for (Atom a : j.outvars()) key.add(atom(ids, a));
        for (Object c : closed.consts()) key.add(new Identity(c));
        return key;
    }

    private static Object atom(Map<Var, Integer> ids, Atom a) {
        return switch (a) {
            case Var v -> ids.get(v);
            case Literal l -> List.of(l.type(), l.value().item());
        };
    }

    /** Compares its object by identity. */
    record Identity(Object o) {
        @Override public boolean equals(Object x) { return x instanceof Identity i && i.o == o; }
        @Override public int hashCode() { return System.identityHashCode(o); }
    }
}
