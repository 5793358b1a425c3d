package dev.jaxvm.ir;

import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Py;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints Jaxprs in JAX's text format. (Preliminary: one naming context, typed binders and literals,
 * parameters sorted by name; the width-80 layout engine is to come.)
 */
public final class JaxprPrinter {
    private final Map<Var, String> names = new IdentityHashMap<>();
    private int counter;

    private JaxprPrinter() {}

    /** The text of a closed Jaxpr. */
    public static String print(ClosedJaxpr closed) {
        JaxprPrinter p = new JaxprPrinter();
        return p.jaxpr(closed.jaxpr());
    }

    /** The text of one equation, in a fresh naming context. */
    public static String printEqn(Eqn e) { return new JaxprPrinter().eqn(e); }

    private String jaxpr(Jaxpr j) {
        StringBuilder b = new StringBuilder("{ lambda ");
        b.append(binders(j.constvars())).append("; ").append(binders(j.invars())).append(". let");
        for (Eqn e : j.eqns()) b.append("\n    ").append(eqn(e));
        StringJoiner outs = new StringJoiner(", ", "(", j.outvars().size() == 1 ? ",)" : ")");
        for (Atom a : j.outvars()) outs.add(atom(a));
        return b.append("\n  in ").append(outs).append(" }").toString();
    }

    private String eqn(Eqn e) {
        StringJoiner lhs = new StringJoiner(" ");
        for (Var v : e.outputs()) lhs.add(binder(v));
        StringBuilder b = new StringBuilder(lhs.toString()).append(" = ").append(e.primitive().name());
        var params = e.primitive().params();
        if (!params.isEmpty()) {
            StringJoiner p = new StringJoiner(" ", "[", "]");
            for (Primitive.Param kv : params) p.add(kv.name() + "=" + Py.str(kv.value()));
            b.append(p);
        }
        b.append(' ');
        StringJoiner args = new StringJoiner(" ");
        for (Atom a : e.inputs()) args.add(atom(a));
        return b.append(args).toString();
    }

    private String binders(java.util.List<Var> vs) {
        StringJoiner j = new StringJoiner(" ");
        for (Var v : vs) j.add(binder(v));
        return j.toString();
    }

    private String binder(Var v) { return name(v) + ":" + v.type(); }

    private String atom(Atom a) {
        return switch (a) {
            case Var v -> name(v);
            case Literal l -> l.toString();
        };
    }

    private String name(Var v) { return names.computeIfAbsent(v, k -> encode(counter++)); }

    /** Base-26 names: a..z, ba..bz, ... (there is never an "aa"). */
    static String encode(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.reverse().toString();
    }
}
