package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Anti-unification of kernel expressions over a counter: given expressions {@code e_0 .. e_n-1}
 * that are equal except for index offsets {@code c_0 + k * d} (k the expression's position), the
 * one expression {@code e(loop)} with {@code e(k) = e_k}, or null when they differ otherwise.
 */
final class Unify {
    private Unify() {}

    /** The expression {@code e} with {@code e(k) = es.get(k)} for {@code loop = k}, or null. */
    static Expr exprs(List<Expr> es, Ix.Loop loop) {
        Expr first = es.getFirst();
        for (Expr e : es) if (e.getClass() != first.getClass()) return null;
        return switch (first) {
            case Expr.Const c -> allEqual(es) ? c : null;
            case Expr.Load l -> {
                for (Expr e : es) {
                    Expr.Load o = (Expr.Load) e;
                    if (o.buffer() != l.buffer() || o.type() != l.type()) yield null;
                }
                Ix ix = ixs(map(es, e -> ((Expr.Load) e).index()), loop);
                yield ix == null ? null : new Expr.Load(l.buffer(), ix, l.type());
            }
            case Expr.Lane l -> {
                for (Expr e : es) {
                    Expr.Lane o = (Expr.Lane) e;
                    if (o.op() != l.op() || o.operandType() != l.operandType()) yield null;
                }
                List<Expr> args = new ArrayList<>();
                for (int a = 0; a < l.args().size(); a++) {
                    int k = a;
                    Expr u = exprs(map(es, e -> ((Expr.Lane) e).args().get(k)), loop);
                    if (u == null) yield null;
                    args.add(u);
                }
                yield new Expr.Lane(l.op(), args, l.operandType());
            }
            case Expr.Convert c -> {
                for (Expr e : es) if (e.type() != c.type()) yield null;
                Expr u = exprs(map(es, e -> ((Expr.Convert) e).arg()), loop);
                yield u == null ? null : new Expr.Convert(u, c.type());
            }
            case Expr.Bitcast c -> {
                for (Expr e : es) if (e.type() != c.type()) yield null;
                Expr u = exprs(map(es, e -> ((Expr.Bitcast) e).arg()), loop);
                yield u == null ? null : new Expr.Bitcast(u, c.type());
            }
            case Expr.Index i -> {
                for (Expr e : es) if (e.type() != i.type()) yield null;
                Ix ix = ixs(map(es, e -> ((Expr.Index) e).index()), loop);
                yield ix == null ? null : new Expr.Index(ix, i.type());
            }
            case Expr.Select s -> allEqual(es) ? s : null;
            case Expr.Threefry t -> {
                for (Expr e : es) if (((Expr.Threefry) e).word() != t.word()) yield null;
                Expr[] args = new Expr[4];
                for (int a = 0; a < 4; a++) {
                    int k = a;
                    args[a] = exprs(map(es, e -> ((Expr.Threefry) e).args().get(k)), loop);
                    if (args[a] == null) yield null;
                }
                yield new Expr.Threefry(args[0], args[1], args[2], args[3], t.word());
            }
        };
    }

    /** The index {@code x_0 + k * d} when {@code x_k - x_0 = k * d} for every k (affine difference), else null. */
    static Ix ixs(List<Ix> xs, Ix.Loop loop) {
        if (allEqual(xs)) return xs.getFirst();
        Affine base = Affine.of(xs.getFirst());
        Integer step = null;
        for (int k = 1; k < xs.size(); k++) {
            if (!(Affine.of(xs.get(k)).plus(base, -1).build() instanceof Ix.Const(int diff))) return null;
            if (step == null) {
                if (diff % k != 0) return null;
                step = diff / k;
            }
            if (diff != k * step) return null;
        }
        return Ix.add(xs.getFirst(), Ix.mul(loop, step));
    }

    private static boolean allEqual(List<?> xs) {
        for (Object x : xs) if (!x.equals(xs.getFirst())) return false;
        return true;
    }

    private static <T, R> List<R> map(List<T> xs, Function<T, R> f) {
        List<R> out = new ArrayList<>(xs.size());
        for (T x : xs) out.add(f.apply(x));
        return out;
    }
}
