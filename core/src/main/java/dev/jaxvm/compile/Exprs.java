package dev.jaxvm.compile;

import dev.jaxvm.core.DenseArray;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Small queries and factories over {@link Expr} trees, visiting each shared node once. */
final class Exprs {
    private Exprs() {}

    /** The constant holding a 0-d array's value. */
    static Expr.Const constant(DenseArray d) {
        return new Expr.Const(d.dtype(), d.getDouble(0), d.getLong(0));
    }

    /**
     * The expressions {@code e} reads directly: its operands, and the run-time index values of a load or
     * an index node (a select's predicate first, then its cases).
     */
    static java.util.List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Load l -> indexValues(l.index());
            case Expr.Index i -> indexValues(i.index());
            case Expr.Const c -> java.util.List.of();
            case Expr.Lane l -> l.args();
            case Expr.Convert c -> java.util.List.of(c.arg());
            case Expr.Bitcast c -> java.util.List.of(c.arg());
            case Expr.Select s -> {
                java.util.List<Expr> all = new java.util.ArrayList<>(s.cases().size() + 1);
                all.add(s.which());
                all.addAll(s.cases());
                yield all;
            }
            case Expr.Threefry t -> t.args();
        };
    }

    /** Calls {@code f} on every load in {@code e}, parents before children, visiting each shared node once. */
    static void forEachLoad(Expr e, java.util.function.Consumer<Expr.Load> f) {
        forEachLoad(e, f, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void forEachLoad(Expr e, java.util.function.Consumer<Expr.Load> f, Set<Expr> seen) {
        if (!seen.add(e)) return;
        if (e instanceof Expr.Load l) f.accept(l);
        for (Expr c : children(e)) forEachLoad(c, f, seen);
    }

    /** The expressions of the run-time indices ({@link Ix.Dynamic}) inside {@code x}. */
    static java.util.List<Expr> indexValues(Ix x) {
        java.util.List<Expr> out = new java.util.ArrayList<>();
        collectValues(x, out);
        return out;
    }

    private static void collectValues(Ix x, java.util.List<Expr> out) {
        switch (x) {
            case Ix.Dynamic d -> out.add(d.value());
            case Ix.Add a -> {
                collectValues(a.a(), out);
                collectValues(a.b(), out);
            }
            case Ix.Mul m -> collectValues(m.a(), out);
            case Ix.Div d -> collectValues(d.a(), out);
            case Ix.Rem r -> collectValues(r.a(), out);
            case Ix.Clamp c -> collectValues(c.a(), out);
            case Ix.Loop l -> { }
            case Ix.Const c -> { }
        }
    }

    /** Whether any index in {@code e} divides or takes a remainder (so a flat loop would be slow). */
    static boolean dividesIndices(Expr e) {
        return anyIndex(e, Exprs::divides, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean divides(Ix x) {
        return switch (x) {
            case Ix.Div d -> true;
            case Ix.Rem r -> true;
            case Ix.Clamp c -> divides(c.a());
            case Ix.Dynamic d -> false;
            case Ix.Add a -> divides(a.a()) || divides(a.b());
            case Ix.Mul m -> divides(m.a());
            case Ix.Loop l -> false;
            case Ix.Const c -> false;
        };
    }

    private static boolean anyIndex(Expr e, java.util.function.Predicate<Ix> p, Set<Expr> seen) {
        if (!seen.add(e)) return false;
        if (e instanceof Expr.Load l) return p.test(l.index());
        if (e instanceof Expr.Index i) return p.test(i.index());
        return children(e).stream().anyMatch(a -> anyIndex(a, p, seen));
    }
}
