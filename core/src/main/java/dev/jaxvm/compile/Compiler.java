package dev.jaxvm.compile;

import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The compiler behind {@code jit} and eager operations: simplifies a Jaxpr, fuses it into loop
 * kernels ({@link Program}) and generates bytecode for them. Compilation happens once per program
 * structure and input types (a concurrent compute-once cache).
 *
 * {@snippet :
 * ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(Lax.add(Lax.sin(xs.get(0)), xs.get(1))), types);
 * Executable e = Compiler.compile(j);
 * List<DenseArray> out = e.call(List.of(x, y));
 * }
 */
public final class Compiler {
    private static final System.Logger LOG = System.getLogger("dev.jaxvm.compile");
    private static final ConcurrentHashMap<Object, Once> CACHE = new ConcurrentHashMap<>();
    /** Beyond this many entries the cache starts over (programs are recompiled on demand), bounding its memory. */
    private static final int CACHE_LIMIT = 4096;

    private Compiler() {}

    /** The backends a loop kernel can run on. */
    enum Backend {
        /** Bytecode, with Vector API inner loops when the module is present. */
        BYTECODE,
        /** Bytecode with scalar loops only (C2 may still vectorise them). */
        SCALAR_BYTECODE,
        /** The plain-loops interpreter. */
        REFERENCE
    }

    /**
     * The compiled form of {@code closed} (cached).
     *
     * @throws IllegalArgumentException if a constant is a traced value
     */
    public static Executable compile(ClosedJaxpr closed) {
        if (CACHE.size() > CACHE_LIMIT) CACHE.clear();
        Once known = CACHE.get(new JaxprKey.Identity(closed));
        if (known != null) return known.get();
        Once once = CACHE.computeIfAbsent(JaxprKey.of(closed), k -> new Once(() -> build(closed, Backend.BYTECODE)));
        CACHE.putIfAbsent(new JaxprKey.Identity(closed), once);
        return once.get();
    }

    /** Output elements up to which an eager movement operation is copied rather than compiled. */
    private static final int SMALL_MOVE = 1 << 14;

    /**
     * Evaluates one primitive on concrete operands through the compiler: a one-equation program,
     * cached per (primitive, input types). This is how eager operations run.
     */
    public static List<DenseArray> eager(Primitive p, List<DenseArray> in, List<ArrayType> out) {
        List<ArrayType> inTypes = new ArrayList<>(in.size());
        for (DenseArray d : in) inTypes.add(d.type());
        Lowering lowering = p instanceof Lowerable l ? l.lower(inTypes, out) : null;
        if (lowering instanceof Lowering.Call(ClosedJaxpr callee)) {
            List<DenseArray> res = compile(callee).call(in);   // a top-level jit call: the whole program
            DenseArray[] typed = new DenseArray[res.size()];
            for (int i = 0; i < typed.length; i++) typed[i] = res.get(i).withWeakType(out.get(i).weakType());
            return List.of(typed);
        }
        if (isSmallMove(lowering, out)) return p.evaluate(in, out);
        if (CACHE.size() > CACHE_LIMIT) CACHE.clear();
        Executable e = CACHE.computeIfAbsent(new EagerKey(p, inTypes),
                k -> new Once(() -> build(oneEquation(p, inTypes, out), Backend.BYTECODE))).get();
        return e.call(in);
    }

    /**
     * Whether an eager operation only moves a few elements: such operations (the slices of a
     * per-pixel loop, say) differ in their parameters at every call, so compiling each would cost far
     * more than the copy; their reference evaluation is exact and is used instead.
     */
    private static boolean isSmallMove(Lowering lowering, List<ArrayType> out) {
        boolean move = switch (lowering) {
            case Lowering.IndexMap m -> true;
            case Lowering.Reshape r -> true;
            case Lowering.MultiMap m -> false;
            case null -> false;
            case Lowering.Lanewise l -> false;
            case Lowering.Reduce r -> false;
            case Lowering.Library l -> false;
            case Lowering.Call c -> false;
            case Lowering.NotLowerable n -> false;
        };
        long size = 0;
        for (ArrayType t : out) size += t.size();
        return move && size <= SMALL_MOVE;
    }

    /** A program of one equation applying {@code p}. */
    static ClosedJaxpr oneEquation(Primitive p, List<ArrayType> in, List<ArrayType> out) {
        List<Var> invars = new ArrayList<>();
        for (ArrayType t : in) invars.add(new Var(t));
        List<Var> outvars = new ArrayList<>();
        for (ArrayType t : out) outvars.add(new Var(t));
        Eqn e = new Eqn(p, List.copyOf(invars), outvars);
        return new ClosedJaxpr(new Jaxpr(List.of(), invars, List.of(e), List.<Atom>copyOf(outvars)), List.of());
    }

    /** Compiles without caching, with loop kernels on {@code backend}. */
    static Executable build(ClosedJaxpr closed, Backend backend) {
        long t0 = System.nanoTime();
        ClosedJaxpr simple = GemmFold.apply(Simplifier.simplify(closed));
        Program fused = StackedReductions.merge(Fuser.fuse(simple));
        List<Kernel> kernels = new ArrayList<>();
        for (Kernel k : fused.kernels()) kernels.add(backend == Backend.REFERENCE ? k : Stencil.rewrite(k));
        if (backend != Backend.REFERENCE) kernels = ConvPrologue.fuse(kernels, fused.outputs());
        Program program = new Program(fused.buffers(), fused.inputs(), fused.constants(), kernels, fused.outputs());
        List<Step> steps = null;
        RowScratch.Result scratch = backend == Backend.REFERENCE ? null : RowScratch.apply(program);
        if (scratch != null) {
            // row-local intermediates in per-thread chunk buffers, when their group forms as planned
            List<Step> s = new ArrayList<>();
            for (Kernel k : scratch.program().kernels()) s.add(step(k, backend));
            s = RowGroups.group(s, scratch.program().buffers(), scratch);
            if (RowGroups.covers(s, scratch)) {
                steps = s;
                program = scratch.program();
            }
        }
        if (steps == null) {
            steps = new ArrayList<>();
            for (Kernel k : program.kernels()) steps.add(step(k, backend));
            steps = RowGroups.group(steps, program.buffers());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Executable e = new Executable(program, steps, ms);
        if (Jax.config().logCompiles()) log(closed, e, ms);
        return e;
    }

    private static Step step(Kernel k, Backend backend) {
        return switch (k) {
            case Kernel.Library l -> new Step.Opaque(k);
            case Kernel.Fallback f -> new Step.Opaque(k);
            case Kernel.Map m -> loopStep(k, backend);
            case Kernel.Reduce r -> loopStep(k, backend);
        };
    }

    private static Step loopStep(Kernel k, Backend backend) {
        if (backend == Backend.REFERENCE) return new Step.Reference(k, "requested");
        String why = BytecodeBackend.unsupported(k);
        if (why != null) return new Step.Reference(k, why);
        boolean simd = backend == Backend.BYTECODE && VectorEmitter.AVAILABLE;
        try {
            BytecodeBackend.Generated g = BytecodeBackend.compile(k, simd);
            return new Step.Bytecode(k, g.run(), g.simd());
        } catch (IllegalArgumentException tooLarge) {
            // The JVM limits a method to 64 KiB of bytecode: a very large fused kernel (the SIMD form
            // of 49 shifted slices, say) can exceed it. Try the scalar form, then the reference loops.
            if (simd) {
                try {
                    BytecodeBackend.Generated g = BytecodeBackend.compile(k, false);
                    return new Step.Bytecode(k, g.run(), g.simd());
                } catch (IllegalArgumentException stillTooLarge) {
                    return new Step.Reference(k, "bytecode too large: " + stillTooLarge.getMessage());
                }
            }
            return new Step.Reference(k, "bytecode too large: " + tooLarge.getMessage());
        }
    }

    private static void log(ClosedJaxpr closed, Executable e, double ms) {
        for (String line : logLines(closed, e, ms)) LOG.log(System.Logger.Level.INFO, line);
    }

    /** What {@code logCompiles} logs for one compilation: its time, then each kernel not run as bytecode. */
    static List<String> logLines(ClosedJaxpr closed, Executable e, double ms) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Compiled a program of %d equations into %d kernels in %.2f ms",
                closed.jaxpr().eqns().size(), e.program().kernels().size(), ms));
        for (String line : e.asText().lines().toList()) {
            if (line.contains("[no lowering]") || line.contains("[reference backend")) {
                lines.add("  not compiled to bytecode: " + line);
            }
        }
        return lines;
    }

    /** The cache key of a one-equation program. */
    private record EagerKey(Primitive primitive, List<ArrayType> in) {}

    /** A value computed once, by the first caller; later callers wait for it. */
    private static final class Once {
        private Supplier<Executable> supplier;
        private Executable value;

        Once(Supplier<Executable> supplier) { this.supplier = supplier; }

        synchronized Executable get() {
            if (value == null) {
                value = supplier.get();
                supplier = null;
            }
            return value;
        }
    }
}
