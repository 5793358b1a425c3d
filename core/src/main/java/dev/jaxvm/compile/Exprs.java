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
        return switch (e) {
            case Expr.Load l -> p.test(l.index());
            case Expr.Index i -> p.test(i.index());
            case Expr.Const c -> false;
            case Expr.Convert c -> anyIndex(c.arg(), p, seen);
            case Expr.Bitcast c -> anyIndex(c.arg(), p, seen);
            case Expr.Lane l -> l.args().stream().anyMatch(a -> anyIndex(a, p, seen));
            case Expr.Select s -> anyIndex(s.which(), p, seen) || s.cases().stream().anyMatch(a -> anyIndex(a, p, seen));
            case Expr.Threefry t -> t.args().stream().anyMatch(a -> anyIndex(a, p, seen));
        };
    }
}
