package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.compile.Compiler;
import dev.jaxvm.compile.Executable;
import dev.jaxvm.compile.LibraryKernel;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled forms of the control-flow primitives: library kernels that loop (or branch) in Java
 * around their sub-programs, each compiled by the compiler (cached) on the kernel's first run. With
 * {@code Jax.config().logCompiles(true)} the compiler logs each sub-program, and the kernel says
 * which sub-programs it compiled and that its loop runs in Java.
 */
final class LoopKernels {
    private static final System.Logger LOG = System.getLogger("dev.jaxvm.compile");

    private LoopKernels() {}

    private static String eqns(ClosedJaxpr j) { return j.jaxpr().eqns().size() + " eqns"; }

    /** Builds and compiles the sub-programs of a kernel on its first run (not when it is lowered), logging what happened. */
    private static final class SubPrograms {
        private final java.util.function.Supplier<List<ClosedJaxpr>> build;
        private final String what;
        private volatile List<Executable> compiled;

        SubPrograms(java.util.function.Supplier<List<ClosedJaxpr>> build, String what) {
            this.build = build;
            this.what = what;
        }

        List<Executable> get() {
            List<Executable> c = compiled;
            return c != null ? c : compile();
        }

        private synchronized List<Executable> compile() {
            if (compiled != null) return compiled;
            List<ClosedJaxpr> jaxprs = build.get();
            List<Executable> out = new ArrayList<>();
            for (ClosedJaxpr j : jaxprs) out.add(Compiler.compile(j));
            if (Jax.config().logCompiles()) {
                StringBuilder b = new StringBuilder(what).append(": compiled ").append(out.size()).append(" sub-program");
                b.append(out.size() == 1 ? " (" : "s (");
                for (int i = 0; i < out.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(jaxprs.get(i).jaxpr().eqns().size()).append(" eqns into ")
                            .append(out.get(i).program().kernels().size()).append(" kernels");
                }
                LOG.log(System.Logger.Level.INFO, b.append("); the loop or choice runs in Java around them").toString());
            }
            compiled = out;
            return out;
        }
    }

    /**
     * {@code while}: the compiled cond decides, the compiled body steps the carry. With a scalar
     * predicate, one program does a whole step (the body, then the cond on the new carry), so each
     * iteration is one compiled call.
     */
    static final class WhileKernel implements LibraryKernel {
        private final While w;
        private final SubPrograms programs;
        private final boolean fused;

        WhileKernel(While w) {
            this.w = w;
            this.fused = w.condJaxpr().outTypes().getFirst().rank() == 0;
            this.programs = new SubPrograms(() -> fused ? List.of(w.condJaxpr(), step(w)) : List.of(w.condJaxpr(), w.bodyJaxpr()),
                    "while");
        }

        /** (cond consts, body consts, carry) to (the next carry, the cond on it). */
        private static ClosedJaxpr step(While w) {
            int c = w.condNconsts(), b = w.bodyNconsts();
            List<ArrayType> types = CfTrace.concat(w.condJaxpr().inTypes().subList(0, c), w.bodyJaxpr().inTypes());
            return Trace.under(EvalInterpreter.INSTANCE, () -> StagingInterpreter.trace(xs -> {
                List<Array> next = JaxprEval.eval(w.bodyJaxpr(), xs.subList(c, xs.size()));
                List<Array> out = new ArrayList<>(next);
                out.addAll(JaxprEval.eval(w.condJaxpr(), CfTrace.concat(xs.subList(0, c), next)));
                return out;
            }, types));
        }

        @Override
        public String describe() {
            return "while[cond: " + eqns(w.condJaxpr()) + ", body: " + eqns(w.bodyJaxpr()) + ", compiled sub-programs"
                    + (fused ? ", body and cond fused per step]" : "]");
        }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            List<Executable> p = programs.get();
            Executable cond = p.get(0), second = p.get(1);
            int c = w.condNconsts(), b = w.bodyNconsts();
            List<DenseArray> cconsts = in.subList(0, c), bconsts = in.subList(c, c + b);
            List<DenseArray> carry = new ArrayList<>(in.subList(c + b, in.size()));
            if (!fused) {
                return Loops.withWeakTypes(While.loop(carry, x -> cond.call(CfTrace.concat(cconsts, x)).getFirst(),
                        x -> second.call(CfTrace.concat(bconsts, x))), out);
            }
            List<DenseArray> args = new ArrayList<>(in);
            int n = carry.size();
            boolean go = cond.call(CfTrace.concat(cconsts, carry)).getFirst().getBoolean(0);
            while (go) {
                List<DenseArray> res = second.call(args);
                for (int i = 0; i < n; i++) args.set(c + b + i, res.get(i));
                go = res.get(n).getBoolean(0);
            }
            return Loops.withWeakTypes(args.subList(c + b, args.size()), out);
        }
    }

    /** {@code scan}: the compiled body runs once per step on a slice of the scanned operands. */
    static final class ScanKernel implements LibraryKernel {
        private final Scan s;
        private final SubPrograms programs;

        ScanKernel(Scan s) {
            this.s = s;
            this.programs = new SubPrograms(() -> List.of(s.jaxpr()), "scan");
        }

        @Override
        public String describe() {
            return "scan[length=" + s.length() + ", body: " + eqns(s.jaxpr()) + ", compiled sub-program]";
        }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            Executable body = programs.get().getFirst();
            return ScanLoops.run(s, in, out, body::call);
        }
    }

    /** {@code cond}: the index picks one compiled branch. */
    static final class CondKernel implements LibraryKernel {
        private final Cond c;
        private final SubPrograms programs;

        CondKernel(Cond c) {
            this.c = c;
            this.programs = new SubPrograms(c::branches, "cond");
        }

        @Override
        public String describe() { return "cond[" + c.branches().size() + " branches, compiled sub-programs]"; }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            int i = Cond.clampIndex(in.getFirst(), c.branches().size());
            return Loops.withWeakTypes(programs.get().get(i).call(in.subList(1, in.size())), out);
        }
    }
}
