package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a simplified Jaxpr into a {@link Program}: decides which values are materialised (results,
 * reduction and library outputs, operands of library and fallback kernels, and expensive values
 * used twice) and inlines every other elementwise, convert and movement equation into the loop
 * nests of its consumers as index maps.
 */
final class Fuser {
    /** Fusible values with more expression nodes than this are materialised when used twice. */
    private static final int MAX_DUPLICATED_SIZE = 32;

    private final Jaxpr jaxpr;
    private final Map<Var, Eqn> producer = new IdentityHashMap<>();
    private final Map<Eqn, Lowering> lowering = new IdentityHashMap<>();
    private final Map<Var, Integer> buffer = new IdentityHashMap<>();
    private final Set<Var> roots = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ArrayType> bufferTypes = new ArrayList<>();
    private final Map<Integer, DenseArray> constants = new HashMap<>();
    private final List<Kernel> kernels = new ArrayList<>();
    private final Map<Var, Map<Object, Expr>> memo = new IdentityHashMap<>();

    private Fuser(Jaxpr jaxpr) { this.jaxpr = jaxpr; }

    static Program fuse(ClosedJaxpr closed) {
        Fuser f = new Fuser(closed.jaxpr());
        Jaxpr j = closed.jaxpr();
        for (Var v : j.invars()) f.buffer.put(v, f.newBuffer(v.type()));
        for (int i = 0; i < j.constvars().size(); i++) {
            if (!(closed.consts().get(i) instanceof DenseArray d)) {
                throw new IllegalArgumentException("cannot compile a Jaxpr whose constants are traced values");
            }
            f.buffer.put(j.constvars().get(i), f.constantBuffer(d));
        }
        f.plan();
        for (Eqn e : j.eqns()) f.emit(e);
        List<Integer> outs = new ArrayList<>();
        for (Atom a : j.outvars()) outs.add(f.bufferOf(a));
        return new Program(f.bufferTypes, j.invars().size(), f.constants, f.kernels, outs);
    }

    private int newBuffer(ArrayType t) {
        bufferTypes.add(t);
        return bufferTypes.size() - 1;
    }

    private int constantBuffer(DenseArray d) {
        int b = newBuffer(d.type());
        constants.put(b, d);
        return b;
    }

    private int bufferOf(Atom a) {
        return switch (a) {
            case Literal l -> constantBuffer(l.value());
            case Var v -> {
                Integer b = buffer.get(v);
                if (b == null) throw new IllegalStateException("value not materialised: " + v);
                yield b;
            }
        };
    }

    static Lowering lowering(Eqn e) {
        if (!(e.primitive() instanceof Lowerable l)) {
            return new Lowering.NotLowerable(e.primitive().name() + " has no lowering");
        }
        return l.lower(Simplifier.types(e.inputs()), Simplifier.types(e.outputs()));
    }

    private static boolean fusible(Lowering l) {
        return switch (l) {
            case Lowering.Lanewise w -> true;
            case Lowering.IndexMap m -> true;
            case Lowering.Reshape r -> true;
            case Lowering.MultiMap m -> true;
            case Lowering.Reduce r -> false;
            case Lowering.Library k -> false;
            case Lowering.Call c -> false;
            case Lowering.NotLowerable n -> false;
        };
    }

    /** Chooses the materialised values. */
    private void plan() {
        Map<Var, Integer> uses = new IdentityHashMap<>();
        Map<Var, Integer> size = new IdentityHashMap<>();
        Set<Var> expensive = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Var> hashed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Eqn e : jaxpr.eqns()) {
            Lowering l = lowering(e);
            lowering.put(e, l);
            int s = 1;
            boolean exp = l instanceof Lowering.Lanewise(var op) && Scalars.expensive(op);
            boolean hash = l instanceof Lowering.MultiMap;
            for (Atom a : distinct(e.inputs())) {
                if (!(a instanceof Var v)) continue;
                uses.merge(v, 1, Integer::sum);
                if (!fusible(l) && !(l instanceof Lowering.Reduce)) roots.add(v);
                s += size.getOrDefault(v, 0);
                exp |= expensive.contains(v);
                hash |= hashed.contains(v);
                // a hash and a heavy function in one loop exceed C2's inlining budget for one method:
                // two loops (run chunk by chunk together, see RowGroups) compile fully
                if (hashed.contains(v) && l instanceof Lowering.Lanewise(var op) && Scalars.expensive(op)) roots.add(v);
            }
            for (Var v : e.outputs()) {
                producer.put(v, e);
                if (!fusible(l) || e.outputs().size() != 1 && !(l instanceof Lowering.MultiMap)) roots.add(v);
                size.put(v, Math.min(s, 1 << 20));
                if (exp) expensive.add(v);
                if (hash && fusible(l)) hashed.add(v);
            }
        }
        for (Atom a : jaxpr.outvars()) if (a instanceof Var v) roots.add(v);
        uses.forEach((v, n) -> {
            if (n >= 2 && (expensive.contains(v) || size.getOrDefault(v, 0) > MAX_DUPLICATED_SIZE)) roots.add(v);
        });
    }

    private static List<Atom> distinct(List<Atom> atoms) {
        List<Atom> out = new ArrayList<>();
        for (Atom a : atoms) if (out.stream().noneMatch(b -> b == a)) out.add(a);
        return out;
    }

    private void emit(Eqn e) {
        Lowering l = lowering.get(e);
        boolean any = e.outputs().stream().anyMatch(v -> roots.contains(v) && !buffer.containsKey(v));
        if (!any) return;
        switch (l) {
            case Lowering.Lanewise w -> emitMap(e);
            case Lowering.IndexMap m -> emitMap(e);
            case Lowering.Reshape r -> emitMap(e);
            case Lowering.MultiMap m -> {
                if (e.outputs().stream().allMatch(roots::contains)) {
                    kernels.add(new Kernel.Library(m.materialised(), inputBuffers(e), outputBuffers(e)));
                } else {
                    for (int k = 0; k < e.outputs().size(); k++) {
                        if (roots.contains(e.outputs().get(k))) emitMap(e, k);
                    }
                }
            }
            case Lowering.Reduce r -> emitReduce(e, r);
            case Lowering.Library k -> {
                List<Integer> in = inputBuffers(e);
                kernels.add(new Kernel.Library(k.kernel(), in, outputBuffers(e)));
            }
            case Lowering.NotLowerable n -> {
                List<Integer> in = inputBuffers(e);
                kernels.add(new Kernel.Fallback(e.primitive(), in, outputBuffers(e), n.reason()));
            }
            case Lowering.Call c -> throw new IllegalStateException("calls are inlined by the simplifier");
        }
    }

    private List<Integer> inputBuffers(Eqn e) {
        List<Integer> in = new ArrayList<>();
        for (Atom a : e.inputs()) in.add(bufferOf(a));
        return in;
    }

    private List<Integer> outputBuffers(Eqn e) {
        List<Integer> out = new ArrayList<>();
        for (Var v : e.outputs()) {
            int b = newBuffer(v.type());
            buffer.put(v, b);
            out.add(b);
        }
        return out;
    }

    private void emitMap(Eqn e) { emitMap(e, 0); }

    /** A map kernel materialising output {@code k} of {@code e}. */
    private void emitMap(Eqn e, int k) {
        Var v = e.outputs().get(k);
        int[] dims = v.type().shape().dims();
        int n = v.type().size();
        Shape loops = Shape.of(n);
        Expr body = element(e, At.flat(new Ix.Loop(0, n), dims), k);
        if (dims.length > 1 && n > 0 && Exprs.dividesIndices(body)) {
            memo.clear();
            body = element(e, At.multi(loopIndex(dims, 0), dims), k);
            loops = new Shape(dims);
        }
        memo.clear();
        buffer.put(v, newBuffer(v.type()));
        kernels.add(new Kernel.Map(buffer.get(v), loops, body));
    }

    private void emitReduce(Eqn e, Lowering.Reduce r) {
        Var v = e.outputs().getFirst();
        Atom x = e.inputs().getFirst();
        int[] xd = x.type().shape().dims();
        int[] kept = v.type().shape().dims();
        int[] red = new int[r.axes().size()];
        for (int i = 0; i < red.length; i++) red[i] = xd[r.axes().get(i)];
        Expr body = null;
        if (kept.length == 0 && xd.length > 1) {
            int n = x.type().size();
            body = read(x, At.flat(new Ix.Loop(0, n), xd));
            red = new int[] {n};
            if (Exprs.dividesIndices(body)) {
                memo.clear();
                body = null;
                red = new int[r.axes().size()];
                for (int i = 0; i < red.length; i++) red[i] = xd[r.axes().get(i)];
            }
        }
        if (body == null) {
            List<Ix> idx = new ArrayList<>();
            int k = 0, m = kept.length;
            for (int d = 0; d < xd.length; d++) {
                idx.add(r.axes().contains(d) ? new Ix.Loop(m++, xd[d]) : new Ix.Loop(k++, xd[d]));
            }
            body = read(x, At.multi(idx, xd));
        }
        memo.clear();
        buffer.put(v, newBuffer(v.type()));
        kernels.add(new Kernel.Reduce(buffer.get(v), new Shape(kept), new Shape(red), r.op(), body));
    }

    private static List<Ix> loopIndex(int[] dims, int first) {
        List<Ix> idx = new ArrayList<>();
        for (int k = 0; k < dims.length; k++) idx.add(new Ix.Loop(first + k, dims[k]));
        return idx;
    }

    /** The value of atom {@code a} at {@code at}: a constant, a load, or its producer's inlined expression. */
    private Expr read(Atom a, At at) {
        return switch (a) {
            case Literal l -> Exprs.constant(l.value());
            case Var v -> {
                Integer b = buffer.get(v);
                if (b != null) yield new Expr.Load(b, v.type().rank() == 0 ? Ix.of(0) : at.flat(), v.type().dtype());
                Eqn e = producer.get(v);
                Map<Object, Expr> m = memo.computeIfAbsent(v, k -> new HashMap<>());
                Expr cached = m.get(at.key());
                if (cached != null) yield cached;
                Expr x = element(e, at, e.outputs().indexOf(v));
                m.put(at.key(), x);
                yield x;
            }
        };
    }

    /** The element of fusible equation {@code e}'s output {@code k} at {@code at}. */
    private Expr element(Eqn e, At at, int k) {
        ArrayType out = e.outputs().get(k).type();
        return switch (lowering.get(e)) {
            case Lowering.Lanewise(var op) -> {
                List<Expr> args = new ArrayList<>();
                for (Atom a : e.inputs()) args.add(read(a, broadcastAt(a.type(), out, at)));
                yield new Expr.Lane(op, args, e.inputs().getFirst().type().dtype());
            }
            case Lowering.Reshape r -> {
                Atom x = e.inputs().getFirst();
                yield read(x, At.flat(at.flat(), x.type().shape().dims()));
            }
            case Lowering.IndexMap(var rule) -> rule.element(at.multi(), operands(e));
            case Lowering.MultiMap(var rules, var whole) -> rules.get(k).element(at.multi(), operands(e));
            case Lowering.Reduce r -> throw new IllegalStateException("not fusible");
            case Lowering.Library l -> throw new IllegalStateException("not fusible");
            case Lowering.Call c -> throw new IllegalStateException("not fusible");
            case Lowering.NotLowerable n -> throw new IllegalStateException("not fusible");
        };
    }

    private Lowering.Operands operands(Eqn e) {
        return new Lowering.Operands() {
            public ArrayType type(int k) { return e.inputs().get(k).type(); }
            public int count() { return e.inputs().size(); }
            public Expr read(int k, List<Ix> index) {
                Atom x = e.inputs().get(k);
                return Fuser.this.read(x, At.multi(index, x.type().shape().dims()));
            }
        };
    }

    /** lax's broadcasting of an elementwise operand: rank 0, the same shape, or size-1 dimensions. */
    private static At broadcastAt(ArrayType operand, ArrayType out, At at) {
        if (operand.rank() == 0) return At.flat(Ix.of(0), new int[0]);
        if (operand.shape().equals(out.shape())) return at;
        int[] d = operand.shape().dims();
        List<Ix> idx = new ArrayList<>();
        for (int k = 0; k < d.length; k++) idx.add(d[k] == 1 ? Ix.of(0) : at.multi().get(k));
        return At.multi(idx, d);
    }
}
