package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct nodes ({@link Expr} and {@link Ix}) of a kernel body in post-order, each with the
 * deepest loop it depends on: code generation computes a node once per iteration of that loop, so
 * loop-invariant work is hoisted and equal subtrees are shared.
 */
final class Schedule {
    private final Map<Object, Integer> depth = new HashMap<>();
    private final List<Object> order = new ArrayList<>();

    /** Adds {@code root} and its subtrees; returns its depth. */
    int add(Object root) {
        Integer known = depth.get(root);
        if (known != null) return known;
        int d = switch (root) {
            case Ix.Loop l -> l.level();
            case Ix.Const c -> -1;
            case Ix.Add a -> Math.max(add(a.a()), add(a.b()));
            case Ix.Mul m -> add(m.a());
            case Ix.Div v -> add(v.a());
            case Ix.Rem r -> add(r.a());
            case Ix.Clamp c -> add(c.a());
            case Ix.Dynamic y -> add(y.value());
            case Expr.Load l -> add(l.index());
            case Expr.Const c -> -1;
            case Expr.Lane l -> maxOf(l.args());
            case Expr.Convert c -> add(c.arg());
            case Expr.Bitcast c -> add(c.arg());
            case Expr.Select s -> Math.max(add(s.which()), maxOf(s.cases()));
            case Expr.Index i -> add(i.index());
            case Expr.Threefry t -> maxOf(t.args());
            default -> throw new IllegalArgumentException("not a kernel IR node: " + root);
        };
        depth.put(root, d);
        order.add(root);
        return d;
    }

    private int maxOf(List<Expr> xs) {
        int d = -1;
        for (Expr x : xs) d = Math.max(d, add(x));
        return d;
    }

    /** The depth of a node added before. */
    int depth(Object node) { return depth.get(node); }

    /** The nodes of depth {@code d}, children before parents. */
    List<Object> at(int d) {
        List<Object> out = new ArrayList<>();
        for (Object n : order) if (depth.get(n) == d) out.add(n);
        return out;
    }
}
