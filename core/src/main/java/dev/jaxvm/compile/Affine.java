package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index expression in affine form, {@code c + sum(k_i * atom_i)}, whose atoms are loop counters,
 * divisions and remainders: the working form of {@link Ix}'s simplifier.
 */
final class Affine {
    private final Map<Ix, Long> terms = new LinkedHashMap<>();
    private long constant;

    private Affine() {}

    static Affine of(Ix x) {
        Affine f = new Affine();
        f.accumulate(x, 1);
        return f;
    }

    private void accumulate(Ix x, long k) {
        switch (x) {
            case Ix.Const c -> constant += k * c.value();
            case Ix.Add a -> {
                accumulate(a.a(), k);
                accumulate(a.b(), k);
            }
            case Ix.Mul m -> accumulate(m.a(), k * m.c());
            case Ix.Loop l -> addTerm(l, k);
            case Ix.Div d -> addTerm(d, k);
            case Ix.Rem r -> addTerm(r, k);
            case Ix.Clamp c -> addTerm(c, k);
            case Ix.Dynamic d -> addTerm(d, k);
        }
    }

    private void addTerm(Ix atom, long k) {
        long v = terms.getOrDefault(atom, 0L) + k;
        if (v == 0 || atom.max() == 0 && atom.min() == 0) terms.remove(atom);
        else terms.put(atom, v);
    }

    Affine plus(Affine o, long k) {
        Affine f = copy();
        f.constant += k * o.constant;
        o.terms.forEach((a, c) -> f.addTerm(a, k * c));
        return f;
    }

    Affine times(long k) {
        Affine f = new Affine();
        if (k == 0) return f;
        f.constant = constant * k;
        terms.forEach((a, c) -> f.terms.put(a, c * k));
        return f;
    }

    private Affine copy() {
        Affine f = new Affine();
        f.constant = constant;
        f.terms.putAll(terms);
        return f;
    }

    /** {quotient, remainder} by {@code c} when the terms not divisible by c stay within [0, c); else null. */
    Affine[] divRem(int c) {
        Affine q = new Affine();
        Affine r = new Affine();
        q.constant = Math.floorDiv(constant, c);
        r.constant = Math.floorMod(constant, c);
        terms.forEach((a, k) -> {
            if (k % c == 0) q.terms.put(a, k / c);
            else r.terms.put(a, k);
        });
        if (r.min() < 0 || r.max() >= c) return null;
        return new Affine[] {q, r};
    }

    /** Whether this is {@code i0 * c + rest} for the outermost counter i0, with 0 <= rest < c not mentioning i0. */
    boolean rowLocal(long c) {
        long k0 = 0;
        Affine rest = new Affine();
        rest.constant = constant;
        for (var e : terms.entrySet()) {
            if (e.getKey() instanceof Ix.Loop l && l.level() == 0) k0 += e.getValue();
            else if (mentionsOuter(e.getKey())) return false;
            else rest.terms.put(e.getKey(), e.getValue());
        }
        return k0 == c && rest.min() >= 0 && rest.max() < c;
    }

    private static boolean mentionsOuter(Ix x) {
        return switch (x) {
            case Ix.Loop l -> l.level() == 0;
            case Ix.Const c -> false;
            case Ix.Add a -> mentionsOuter(a.a()) || mentionsOuter(a.b());
            case Ix.Mul m -> mentionsOuter(m.a());
            case Ix.Div d -> mentionsOuter(d.a());
            case Ix.Rem r -> mentionsOuter(r.a());
            case Ix.Clamp c -> mentionsOuter(c.a());
            case Ix.Dynamic d -> d.depth() >= 0;
        };
    }

    long min() {
        long m = constant;
        for (var e : terms.entrySet()) m += e.getValue() > 0 ? e.getValue() * e.getKey().min() : e.getValue() * e.getKey().max();
        return m;
    }

    long max() {
        long m = constant;
        for (var e : terms.entrySet()) m += e.getValue() > 0 ? e.getValue() * e.getKey().max() : e.getValue() * e.getKey().min();
        return m;
    }

    /** Folds {@code (x/c)*c*k + (x%c)*k} back into {@code x*k}, then builds a canonical tree. */
    Ix build() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : List.copyOf(terms.entrySet())) {
                if (e.getKey() instanceof Ix.Rem r && terms.containsKey(new Ix.Div(r.a(), r.c()))) {
                    long k = e.getValue();
                    Ix.Div d = new Ix.Div(r.a(), r.c());
                    if (terms.get(d) == k * r.c()) {
                        terms.remove(d);
                        terms.remove(r);
                        accumulate(r.a(), k);
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<Map.Entry<Ix, Long>> sorted = new ArrayList<>(terms.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<Ix, Long> e) -> e.getKey().depth())
                .thenComparing(e -> e.getKey().toString()));
        Ix out = constant == 0 ? null : new Ix.Const((int) constant);
        for (var e : sorted) {
            Ix t = e.getValue() == 1 ? e.getKey() : new Ix.Mul(e.getKey(), (int) (long) e.getValue());
            out = out == null ? t : new Ix.Add(out, t);
        }
        return out == null ? new Ix.Const(0) : out;
    }
}
