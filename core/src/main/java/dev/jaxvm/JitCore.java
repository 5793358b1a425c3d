package dev.jaxvm;

import dev.jaxvm.compile.Compiler;
import dev.jaxvm.compile.Executable;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machinery behind every jitted function: argument flattening, the trace cache and binding the
 * {@link Jit} primitive. The cache maps (leaf types with weak flags, argument structure, static
 * arguments with their classes) to the traced program; it is compute-once: concurrent callers with
 * the same key wait for one trace.
 */
final class JitCore {
    private final FnN fn;
    private final String name;
    private final int[] staticArgnums;
    /** Positions of arguments donated at top-level calls (JAX's {@code donate_argnums}). */
    private final int[] donateArgnums;
    private final ConcurrentHashMap<Key, Pending> cache = new ConcurrentHashMap<>();
    private final AtomicInteger traces = new AtomicInteger();
    /**
     * The last call whose arguments were all arrays (no static arguments): a repeated call with
     * arguments of the same types (and the same config flags) reuses its program and {@code jit}
     * primitive without building a cache key. Only programs that close over no tracer are kept.
     */
    private volatile LastCall last;

    JitCore(FnN fn, String name, int[] staticArgnums) { this(fn, name, staticArgnums, new int[0]); }

    private JitCore(FnN fn, String name, int[] staticArgnums, int[] donateArgnums) {
        this.fn = fn;
        this.name = name;
        this.staticArgnums = staticArgnums.clone();
        this.donateArgnums = donateArgnums.clone();
    }

    JitCore named(String newName) { return new JitCore(fn, newName, staticArgnums, donateArgnums); }

    JitCore withStaticArgnums(int... nums) { return new JitCore(fn, name, nums, donateArgnums); }

    JitCore withDonateArgnums(int... nums) { return new JitCore(fn, name, staticArgnums, nums); }

    String name() { return name; }

    int traceCount() { return traces.get(); }

    int cacheSize() { return cache.size(); }

    /** A static argument: its class is part of the key, so 1, 1L and 1.0 trace separately (as JAX). */
    private record StaticArg(Class<?> type, Object value) {}

    /** The trace cache key; like JAX's, it includes the config flags that change what is traced. */
    private record Key(List<ArrayType> types, TreeDef tree, List<StaticArg> statics, boolean x64,
                       boolean threefryPartitionable) {}

    /** A traced program; tracers of enclosing transformations it closes over become leading inputs. */
    record Traced(ClosedJaxpr jaxpr, List<Array> closedOverTracers, TreeDef outTree) {}

    private record Pending(Thread owner, CompletableFuture<Traced> future) {}

    private record LastCall(ArrayType[] types, boolean x64, boolean threefryPartitionable, Jit jit, TreeDef outTree,
                            TopLevel topLevel) {}

    /**
     * The compiled program of a {@link LastCall}, looked up on its first top-level call: a repeated
     * top-level call runs it directly, as binding the {@code jit} primitive eagerly would (the same
     * compiled program, outputs with the program's weak types), without the interpreter's and the
     * compile cache's bookkeeping (JAX's C++ fast path for jitted calls plays this role).
     */
    private static final class TopLevel {
        private final Jit jit;
        private volatile Executable executable;
        private boolean[] weak;

        TopLevel(Jit jit) { this.jit = jit; }

        List<Array> call(Object[] args) {
            Executable e = executable;
            if (e == null) {
                List<ArrayType> outs = jit.jaxpr().outTypes();
                boolean[] w = new boolean[outs.size()];
                for (int i = 0; i < w.length; i++) w[i] = outs.get(i).weakType();
                weak = w;
                executable = e = Compiler.compile(jit.jaxpr());
            }
            DenseArray[] in = new DenseArray[args.length];
            for (int i = 0; i < args.length; i++) in[i] = (DenseArray) args[i];
            List<DenseArray> res = e.call(Arrays.asList(in));
            Array[] out = new Array[res.size()];
            for (int i = 0; i < out.length; i++) out[i] = res.get(i).withWeakType(weak[i]);
            return Arrays.asList(out);
        }
    }

    record Prepared(Object[] args, boolean[] isStatic, List<Array> leaves, TreeDef dynTree, Key key) {}

    /** Calls the jitted function: stages one {@code jit} equation, or evaluates it at top level. */
    Object call(Object[] args) {
        if (donateArgnums.length > 0 && Trace.current() == EvalInterpreter.INSTANCE) {
            Object r = Donation.call(this, args, donateArgnums, staticArgnums);
            if (r != null) return r;
        }
        LastCall l = last;
        if (l != null && matches(l, args)) {
            if (Trace.current() == EvalInterpreter.INSTANCE && allDense(args)) {
                return Tree.unflatten(l.outTree(), l.topLevel().call(args));
            }
            List<Array> in = new ArrayList<>(args.length);
            for (Object a : args) in.add((Array) a);
            return Tree.unflatten(l.outTree(), Trace.bind(l.jit(), in));
        }
        Prepared p = prepare(args);
        Traced t = traced(p);
        List<Array> in = new ArrayList<>(t.closedOverTracers());
        in.addAll(p.leaves());
        Jit jit = new Jit(name, t.jaxpr());
        if (t.closedOverTracers().isEmpty() && staticArgnums.length == 0 && allArrays(args)) {
            ArrayType[] types = new ArrayType[args.length];
            for (int i = 0; i < args.length; i++) types[i] = ((Array) args[i]).type();
            last = new LastCall(types, p.key().x64(), p.key().threefryPartitionable(), jit, t.outTree(), new TopLevel(jit));
        }
        List<Array> outs = Trace.bind(jit, in);
        return Tree.unflatten(t.outTree(), outs);
    }

    private static boolean allDense(Object[] args) {
        for (Object a : args) if (!(a instanceof DenseArray)) return false;
        return true;
    }

    private static boolean allArrays(Object[] args) {
        for (Object a : args) if (!(a instanceof Array)) return false;
        return true;
    }

    /** Whether {@code args} are arrays of exactly the last call's types, under the same config flags. */
    private static boolean matches(LastCall l, Object[] args) {
        ArrayType[] types = l.types();
        if (args.length != types.length) return false;
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof Array a)) return false;
            ArrayType t = a.type();
            if (t != types[i] && !t.equals(types[i])) return false;
        }
        Config c = Jax.config();
        return c.enableX64() == l.x64() && c.threefryPartitionable() == l.threefryPartitionable();
    }

    /** The traced program for these arguments (from the cache when possible). */
    Traced trace(Object[] args) { return traced(prepare(args)); }

    Prepared prepare(Object[] args) {
        boolean[] isStatic = new boolean[args.length];
        for (int k : staticArgnums) {
            int i = k < 0 ? k + args.length : k;
            if (i < 0 || i >= args.length) {
                throw new IllegalArgumentException("jitted function " + name + " has static_argnums="
                        + Arrays.toString(staticArgnums) + ", but was called with only " + args.length + " arguments");
            }
            isStatic[i] = true;
        }
        List<StaticArg> statics = new ArrayList<>();
        List<Object> dynamic = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (isStatic[i]) statics.add(staticArg(i, args[i]));
            else dynamic.add(args[i]);
        }
        Tree.Flat flat = Tree.flatten(dynamic);
        List<Array> leaves = new ArrayList<>(flat.leaves().size());
        List<ArrayType> types = new ArrayList<>(flat.leaves().size());
        for (Object leaf : flat.leaves()) {
            Array a = toArray(leaf, "argument");
            leaves.add(a);
            types.add(a.type());
        }
        return new Prepared(args.clone(), isStatic, leaves, flat.treeDef(), new Key(types, flat.treeDef(), statics,
                Jax.config().enableX64(), Jax.config().threefryPartitionable()));
    }

    private StaticArg staticArg(int i, Object v) {
        if (v instanceof Array || (v != null && v.getClass().isArray())) {
            throw new IllegalArgumentException("Non-hashable static arguments are not supported: argument " + i
                    + " of jitted function " + name + " is " + (v instanceof Array a ? "an array of type "
                    + a.type().toLongString() : "a Java array") + ", which has no value-based hashCode/equals."
                    + " Pass it as a traced argument, or convert it to a List or record.");
        }
        return new StaticArg(v == null ? Void.class : v.getClass(), v);
    }

    /** Array leaves as they are; Java scalars become weakly typed arrays, as Python scalars do in JAX. */
    static Array toArray(Object leaf, String what) {
        return switch (leaf) {
            case Array a -> a;
            case Number n -> dev.jaxvm.numpy.Jnp.asarray(n);
            case Boolean b -> dev.jaxvm.numpy.Jnp.asarray(b);
            case dev.jaxvm.core.ArrayType t -> throw new IllegalArgumentException("jit: an ArrayType " + t
                    + " is not a value; use Jax.jit(f).lower(...) or Jax.makeJaxpr(f) for abstract arguments");
            default -> throw new IllegalArgumentException("jit: " + what + " leaf of type " + leaf.getClass().getName()
                    + " is not a valid jaxvm type (arrays and Java scalars are; mark other values static)");
        };
    }

    Traced traced(Prepared p) {
        Pending mine = new Pending(Thread.currentThread(), new CompletableFuture<>());
        Pending prev = cache.putIfAbsent(p.key(), mine);
        if (prev != null) {
            if (prev.owner() == Thread.currentThread() && !prev.future().isDone()) {
                throw new IllegalStateException("jitted function " + name + " was called recursively while being traced");
            }
            Traced t;
            try {
                t = prev.future().join();
            } catch (CompletionException | CancellationException e) {
                return doTrace(p); // the other thread's trace failed: raise our own error
            }
            return t.closedOverTracers().isEmpty() ? t : doTrace(p);
        }
        try {
            Traced t = doTrace(p);
            if (!t.closedOverTracers().isEmpty()) cache.remove(p.key(), mine); // tied to one enclosing trace
            mine.future().complete(t);
            return t;
        } catch (RuntimeException | Error e) {
            cache.remove(p.key(), mine);
            mine.future().completeExceptionally(e);
            throw e;
        }
    }

    private Traced doTrace(Prepared p) {
        traces.incrementAndGet();
        TreeDef[] outTree = new TreeDef[1];
        List<ArrayType> inTypes = p.key().types();
        ClosedJaxpr closed = dev.jaxvm.ir.StagingInterpreter.trace(tracers -> {
            Object out = fn.apply(rebuild(p, tracers));
            Tree.Flat flat = Tree.flatten(out);
            outTree[0] = flat.treeDef();
            List<Array> outs = new ArrayList<>(flat.leaves().size());
            for (Object leaf : flat.leaves()) outs.add(toArray(leaf, "result"));
            return outs;
        }, inTypes);
        return hoistTracers(closed, outTree[0]);
    }

    /** The full argument array with traced leaves in place of the dynamic arguments. */
    static Object[] rebuild(Prepared p, List<Array> tracers) {
        List<Object> dyn = Tree.unflatten(p.dynTree(), tracers);
        Object[] full = new Object[p.args().length];
        for (int i = 0, d = 0; i < full.length; i++) full[i] = p.isStatic()[i] ? p.args()[i] : dyn.get(d++);
        return full;
    }

    /** Constvars bound to tracers of enclosing transformations become leading inputs (as JAX does). */
    private static Traced hoistTracers(ClosedJaxpr closed, TreeDef outTree) {
        Jaxpr j = closed.jaxpr();
        List<Var> keepVars = new ArrayList<>(), hoistVars = new ArrayList<>();
        List<Array> keep = new ArrayList<>(), hoist = new ArrayList<>();
        for (int i = 0; i < j.constvars().size(); i++) {
            Array c = closed.consts().get(i);
            if (c instanceof Tracer) {
                hoistVars.add(j.constvars().get(i));
                hoist.add(c);
            } else {
                keepVars.add(j.constvars().get(i));
                keep.add(c);
            }
        }
        if (hoist.isEmpty()) return new Traced(closed, List.of(), outTree);
        List<Var> invars = new ArrayList<>(hoistVars);
        invars.addAll(j.invars());
        return new Traced(new ClosedJaxpr(new Jaxpr(keepVars, invars, j.eqns(), j.outvars()), keep), hoist, outTree);
    }
}
