package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A program pass that merges full reductions whose scalar results are only stacked into a vector
 * ({@code stack([(P[:, :, k] * F).sum() for k in range(4)])}, the per-pixel kernel of the classic
 * convolution loop) into one reduction with a kept axis: {@code out[i] op= body_i(j)}. The Fuser
 * emits each reduction as its own kernel and the stack as a select over their results; for tiny
 * reductions the per-kernel cost dominates, and one loop nest is also what a hand-written kernel is.
 *
 * <p>The merge applies only when the reductions' bodies are the same expression up to index
 * offsets that grow by a constant step from one to the next (as channel {@code k} of an interleaved
 * buffer reads {@code b[k + 4j]}), so the merged body is that expression with the step times the
 * kept index: no select, no extra work. Only reductions of at most one block
 * ({@link BytecodeBackend#BLOCK} elements) merge, so each output element is reduced over the same
 * elements in the same order, with the same accumulators, as its separate reduction was.
 */
final class StackedReductions {
    private StackedReductions() {}

    /** {@code program} with each mergeable stack of reductions replaced by one reduction kernel. */
    static Program merge(Program program) {
        List<Kernel> kernels = program.kernels();
        Map<Integer, Integer> producer = new HashMap<>();
        for (int k = 0; k < kernels.size(); k++) for (int o : kernels.get(k).outputs()) producer.put(o, k);
        Map<Integer, Integer> reads = readCounts(kernels, program.outputs());
        Set<Integer> dropped = new HashSet<>();
        List<Kernel> out = new ArrayList<>(kernels);
        boolean changed = false;
        for (int k = 0; k < kernels.size(); k++) {
            if (!(kernels.get(k) instanceof Kernel.Map m)) continue;
            List<Integer> members = members(m, kernels, producer, reads);
            if (members == null) continue;
            Kernel.Reduce merged = merged(m, members.stream().map(i -> (Kernel.Reduce) kernels.get(i)).toList());
            if (merged == null) continue;
            out.set(k, merged);
            dropped.addAll(members);
            changed = true;
        }
        if (!changed) return program;
        List<Kernel> kept = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) if (!dropped.contains(k)) kept.add(out.get(k));
        return new Program(program.buffers(), program.inputs(), program.constants(), kept, program.outputs());
    }

    /**
     * The kernels of the reductions {@code m} stacks, in case order, or null: {@code m} must be
     * {@code out[i] = select(i; r_0[0], ..., r_n-1[0])} over {@code [n]}, each {@code r_k} a full
     * reduction (same op, extents and dtype) read by {@code m} only.
     */
    private static List<Integer> members(Kernel.Map m, List<Kernel> kernels, Map<Integer, Integer> producer,
            Map<Integer, Integer> reads) {
        if (m.dims().rank() != 1 || !(m.body() instanceof Expr.Select s) || s.cases().size() != m.dims().dim(0)
                || s.cases().size() < 2) {
            return null;
        }
        if (!(s.which() instanceof Expr.Index(Ix.Loop(int level, int extent), var t)) || level != 0
                || extent != s.cases().size()) {
            return null;
        }
        List<Integer> members = new ArrayList<>();
        Kernel.Reduce first = null;
        for (Expr c : s.cases()) {
            if (!(c instanceof Expr.Load(int b, Ix.Const(int zero), var dt)) || zero != 0) return null;
            Integer p = producer.get(b);
            if (p == null || !(kernels.get(p) instanceof Kernel.Reduce r) || r.kept().rank() != 0
                    || reads.getOrDefault(b, 0) != 1 || members.contains(p)) {
                return null;
            }
            // one block of a full reduction: beyond it, the separate kernels sum per block (and in parallel)
            if (r.reduced().size() > BytecodeBackend.BLOCK) return null;
            if (first == null) first = r;
            if (r.op() != first.op() || !r.reduced().equals(first.reduced()) || r.body().type() != first.body().type()) {
                return null;
            }
            members.add(p);
        }
        return members;
    }

    /** The merged reduction, or null when the bodies differ by more than index offsets in arithmetic progression. */
    private static Kernel.Reduce merged(Kernel.Map m, List<Kernel.Reduce> rs) {
        List<Expr> bodies = new ArrayList<>();
        for (Kernel.Reduce r : rs) bodies.add(shift(r.body()));
        Expr body = Unify.exprs(bodies, new Ix.Loop(0, rs.size()));
        if (body == null) return null;
        Kernel.Reduce first = rs.getFirst();
        return new Kernel.Reduce(m.out(), m.dims(), first.reduced(), first.op(), body);
    }

    /** How many times each buffer is read (by any kernel, or as a program output). */
    private static Map<Integer, Integer> readCounts(List<Kernel> kernels, List<Integer> outputs) {
        Map<Integer, Integer> n = new HashMap<>();
        for (int o : outputs) n.merge(o, 2, Integer::sum);
        for (Kernel k : kernels) {
            switch (k) {
                case Kernel.Map m -> loads(m.body(), n);
                case Kernel.Reduce r -> loads(r.body(), n);
                case Kernel.Library l -> l.in().forEach(i -> n.merge(i, 2, Integer::sum));
                case Kernel.Fallback f -> f.in().forEach(i -> n.merge(i, 2, Integer::sum));
            }
        }
        return n;
    }

    /** Counts every load on every path (a load shared by two paths counts twice). */
    private static void loads(Expr e, Map<Integer, Integer> n) {
        if (e instanceof Expr.Load l) n.merge(l.buffer(), 1, Integer::sum);
        for (Expr c : Exprs.children(e)) loads(c, n);
    }

    /** {@code e} with every loop level moved one deeper (the kept axis becomes level 0). */
    static Expr shift(Expr e) {
        return switch (e) {
            case Expr.Load l -> new Expr.Load(l.buffer(), shift(l.index()), l.type());
            case Expr.Const c -> c;
            case Expr.Lane l -> new Expr.Lane(l.op(), l.args().stream().map(StackedReductions::shift).toList(), l.operandType());
            case Expr.Convert c -> new Expr.Convert(shift(c.arg()), c.type());
            case Expr.Bitcast c -> new Expr.Bitcast(shift(c.arg()), c.type());
            case Expr.Select s -> new Expr.Select(shift(s.which()), s.cases().stream().map(StackedReductions::shift).toList());
            case Expr.Index i -> new Expr.Index(shift(i.index()), i.type());
            case Expr.Threefry t -> new Expr.Threefry(shift(t.k0()), shift(t.k1()), shift(t.x0()), shift(t.x1()), t.word());
        };
    }

    static Ix shift(Ix x) {
        return switch (x) {
            case Ix.Loop l -> new Ix.Loop(l.level() + 1, l.extent());
            case Ix.Const c -> c;
            case Ix.Add a -> new Ix.Add(shift(a.a()), shift(a.b()));
            case Ix.Mul m -> new Ix.Mul(shift(m.a()), m.c());
            case Ix.Div d -> new Ix.Div(shift(d.a()), d.c());
            case Ix.Rem r -> new Ix.Rem(shift(r.a()), r.c());
            case Ix.Clamp c -> new Ix.Clamp(shift(c.a()), c.lo(), c.hi());
            case Ix.Dynamic d -> new Ix.Dynamic(shift(d.value()), d.lo(), d.hi());
        };
    }
}
