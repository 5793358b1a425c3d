package dev.jaxvm.ir;

import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Py;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints Jaxprs in JAX 0.10.2's text format, byte for byte: one naming context for the whole
 * printout (base-26 names given lazily in document order, skipping shared-jaxpr names), {@code _} for
 * unused top-level outputs, typed literals, parameters through {@link Primitive#params()} with
 * Python's {@code str} rules, name aliasing for {@link CallPrimitive}s, shared jaxprs printed out of
 * line ({@code let NAME = { ... } in}), and the {@link Doc} layout at width 80.
 *
 * {@snippet :
 * String text = JaxprPrinter.print(closedJaxpr);   // what print(jax.make_jaxpr(f)(x)) shows
 * }
 */
public final class JaxprPrinter {
    /** JAX's default line width. */
    public static final int WIDTH = 80;

    private final Map<Var, String> names = new IdentityHashMap<>();
    private final Map<Jaxpr, String> shared = new IdentityHashMap<>();
    private final Set<String> sharedNames = new HashSet<>();
    private int counter;

    private JaxprPrinter() {}

    /** The text of a closed Jaxpr (constants are not printed, as in JAX). */
    public static String print(ClosedJaxpr closed) { return print(closed.jaxpr()); }

    /** The text of a Jaxpr. */
    public static String print(Jaxpr jaxpr) { return new JaxprPrinter().toplevel(jaxpr).format(WIDTH); }

    /** The text of one equation alone, in a fresh naming context, trailing whitespace removed. */
    public static String printEqn(Eqn e) { return new JaxprPrinter().eqn(e).format(WIDTH).stripTrailing(); }

    private Doc toplevel(Jaxpr top) {
        dropvars(top);
        List<Doc> docs = new ArrayList<>();
        for (Map.Entry<Jaxpr, String> s : findShared(top).entrySet()) {
            docs.add(Doc.concat(Doc.text("let "), Doc.text(s.getValue()), Doc.text(" = "), skeleton(s.getKey()),
                    Doc.text(" in"), Doc.brk()));
        }
        docs.add(jaxpr(top));
        return Doc.concat(docs);
    }

    /** Top-level equation outputs used by no later equation and no result print as {@code _}. */
    private void dropvars(Jaxpr top) {
        Set<Var> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Atom a : top.outvars()) if (a instanceof Var v) used.add(v);
        for (int i = top.eqns().size() - 1; i >= 0; i--) {
            Eqn e = top.eqns().get(i);
            for (Var v : e.outputs()) if (!used.contains(v)) names.put(v, "_");
            for (Atom a : e.inputs()) if (a instanceof Var v) used.add(v);
        }
    }

    /**
     * Breadth-first count of references to each sub-jaxpr; those referenced twice, or with more than
     * 10 equations, are shared. Names come from the first referencing equation's {@code name}
     * parameter ({@code <>} stripped), else {@code jaxpr}; repeats get numeric suffixes.
     */
    private Map<Jaxpr, String> findShared(Jaxpr top) {
        Map<Jaxpr, Integer> counts = new IdentityHashMap<>();
        List<Jaxpr> order = new ArrayList<>();
        Map<Jaxpr, String> suggested = new IdentityHashMap<>();
        ArrayDeque<Jaxpr> queue = new ArrayDeque<>(List.of(top));
        while (!queue.isEmpty()) {
            Jaxpr j = queue.poll();
            if (!counts.containsKey(j)) order.add(j);
            int extra = j != top && j.eqns().size() > 10 ? 2 : 1;
            counts.merge(j, extra, Integer::sum);
            for (Eqn e : j.eqns()) {
                String name = null;
                for (Primitive.Param p : e.primitive().params()) {
                    if (p.name().equals("name") && p.value() != null) name = stripAngles(Py.str(p.value()));
                }
                for (Jaxpr sub : jaxprsIn(e.primitive())) {
                    queue.add(sub);
                    if (name != null) suggested.putIfAbsent(sub, name);
                }
            }
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        Map<Jaxpr, String> out = new LinkedHashMap<>();
        for (Jaxpr j : order) {
            if (counts.get(j) == 1) continue;
            String name = suggested.getOrDefault(j, "jaxpr");
            int count = nameCounts.getOrDefault(name, 0);
            nameCounts.merge(name, 1, Integer::sum);
            if (count > 0) {
                name = name + count;
                nameCounts.merge(name, 1, Integer::sum);
            }
            sharedNames.add(name);
            shared.put(j, name);
            out.put(j, name);
        }
        return out;
    }

    private static String stripAngles(String s) {
        int b = 0, e = s.length();
        while (b < e && (s.charAt(b) == '<' || s.charAt(b) == '>')) b++;
        while (e > b && (s.charAt(e - 1) == '<' || s.charAt(e - 1) == '>')) e--;
        return s.substring(b, e);
    }

    /** The jaxprs among a primitive's parameters (directly, or as elements of a list). */
    static List<Jaxpr> jaxprsIn(Primitive p) {
        List<Jaxpr> out = new ArrayList<>();
        for (Primitive.Param kv : p.params()) {
            Object v = kv.value();
            Collection<?> vals = v instanceof Collection<?> c ? c : java.util.Collections.singletonList(v);
            for (Object o : vals) {
                if (o instanceof Jaxpr j) out.add(j);
                else if (o instanceof ClosedJaxpr c) out.add(c.jaxpr());
            }
        }
        return out;
    }

    private Doc jaxpr(Jaxpr j) {
        String name = shared.get(j);
        return name != null ? Doc.text(name) : skeleton(j);
    }

    private Doc skeleton(Jaxpr j) {
        Doc constvars = vars(j.constvars(), "", true);
        Doc invars = vars(j.invars(), "", true);
        List<Doc> eqns = new ArrayList<>();
        for (Eqn e : j.eqns()) eqns.add(eqn(e));
        Doc eqnDoc = Doc.join(Doc.brk("; "), eqns);
        Doc outvars = Doc.concat(Doc.text("("), vars(j.outvars(), ",", false),
                Doc.text(j.outvars().size() == 1 ? ",)" : ")"));
        // " }" is inside the group, as in JAX's pp_jaxpr_skeleton: it counts when deciding to break.
        return Doc.group(Doc.concat(Doc.nest(2, Doc.concat(
                Doc.text("{ "), Doc.text("lambda "), constvars, Doc.text("; "), invars, Doc.text(". "), Doc.text("let"),
                Doc.nest(2, Doc.concat(Doc.brk(), eqnDoc)), Doc.brk(), Doc.text("in "), outvars)), Doc.text(" }")));
    }

    private Doc vars(List<? extends Atom> vs, String separator, boolean withTypes) {
        List<Doc> items = new ArrayList<>(vs.size());
        for (Atom a : vs) {
            String s = atom(a);
            items.add(Doc.text(withTypes ? s + ":" + a.type() : s));
        }
        return Doc.nest(2, Doc.group(Doc.join(Doc.concat(Doc.text(separator), Doc.group(Doc.brk())), items)));
    }

    private Doc eqn(Eqn e) {
        List<Primitive.Param> params = e.primitive().params();
        if (e.primitive() instanceof CallPrimitive call && !shared.containsKey(call.jaxpr().jaxpr())) {
            suggestSameNames(call.jaxpr().jaxpr().invars(), e.inputs());
            suggestSameNames(call.jaxpr().jaxpr().outvars(), e.outputs());
        }
        Doc lhs = vars(e.outputs(), "", true);
        Doc name = Doc.text(e.primitive().name());
        Doc kv = params(params);
        Doc args = Doc.concat(Doc.text(" "), vars(e.inputs(), "", false));
        return e.outputs().isEmpty() ? Doc.concat(name, kv, args) : Doc.concat(lhs, Doc.text(" = "), name, kv, args);
    }

    /** JAX's {@code suggest_same_var_names}: callee variables take the caller's names, each caller name once. */
    private void suggestSameNames(List<? extends Atom> forVars, List<? extends Atom> likeVars) {
        if (forVars.size() != likeVars.size()) return;
        Set<Var> usedLike = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < forVars.size(); i++) {
            if (likeVars.get(i) instanceof Var like && !usedLike.contains(like)
                    && forVars.get(i) instanceof Var v && !names.containsKey(v)) {
                usedLike.add(like);
                names.put(v, name(like));
            }
        }
    }

    private Doc params(List<Primitive.Param> params) {
        if (params.isEmpty()) return Doc.NIL;
        List<Doc> pairs = new ArrayList<>(params.size());
        for (Primitive.Param p : params) pairs.add(Doc.concat(Doc.text(p.name() + "="), value(p.value())));
        return Doc.group(Doc.concat(
                Doc.nest(2, Doc.concat(Doc.text("["), Doc.brk(""), Doc.join(Doc.brk(), pairs))),
                Doc.brk(""), Doc.text("]")));
    }

    private Doc value(Object v) {
        return switch (v) {
            case Jaxpr j -> jaxpr(j);
            case ClosedJaxpr c -> jaxpr(c.jaxpr());
            case Collection<?> c when c.stream().allMatch(o -> o instanceof Jaxpr || o instanceof ClosedJaxpr) -> {
                List<Doc> docs = new ArrayList<>();
                for (Object o : c) docs.add(jaxpr(o instanceof ClosedJaxpr cj ? cj.jaxpr() : (Jaxpr) o));
                yield Doc.group(Doc.concat(
                        Doc.nest(2, Doc.concat(Doc.text("("), Doc.brk(""), Doc.join(Doc.brk(), docs))),
                        Doc.brk(""), Doc.text(")")));
            }
            case null, default -> Doc.text(Py.str(v));
        };
    }

    private String atom(Atom a) {
        return switch (a) {
            case Var v -> name(v);
            case Literal l -> l.toString();
        };
    }

    private String name(Var v) {
        String n = names.get(v);
        if (n == null) {
            do {
                n = encode(counter++);
            } while (sharedNames.contains(n));
            names.put(v, n);
        }
        return n;
    }

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
