package dev.jaxvm.lax;

import dev.jaxvm.Jax;
import dev.jaxvm.compile.Compiler;
import dev.jaxvm.compile.Executable;
import dev.jaxvm.compile.LibraryKernel;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
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

    /** Compiles the sub-programs of a kernel once, logging what happened. */
    private static final class SubPrograms {
        private final List<ClosedJaxpr> jaxprs;
        private final String what;
        private volatile List<Executable> compiled;

        SubPrograms(List<ClosedJaxpr> jaxprs, String what) {
            this.jaxprs = List.copyOf(jaxprs);
            this.what = what;
        }

        List<Executable> get() {
            List<Executable> c = compiled;
            if (c != null) return c;
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

    /** {@code while}: the compiled cond decides, the compiled body steps the carry. */
    static final class WhileKernel implements LibraryKernel {
        private final While w;
        private final SubPrograms programs;

        WhileKernel(While w) {
            this.w = w;
            this.programs = new SubPrograms(List.of(w.condJaxpr(), w.bodyJaxpr()), "while");
        }

        @Override
        public String describe() {
            return "while[cond: " + eqns(w.condJaxpr()) + ", body: " + eqns(w.bodyJaxpr()) + ", compiled sub-programs]";
        }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            List<Executable> p = programs.get();
            Executable cond = p.get(0), body = p.get(1);
            int c = w.condNconsts(), b = w.bodyNconsts();
            List<DenseArray> cconsts = in.subList(0, c), bconsts = in.subList(c, c + b);
            List<DenseArray> carry = new ArrayList<>(in.subList(c + b, in.size()));
            return Loops.withWeakTypes(While.loop(carry, x -> cond.call(CfTrace.concat(cconsts, x)).getFirst(),
                    x -> body.call(CfTrace.concat(bconsts, x))), out);
        }
    }

    /** {@code scan}: the compiled body runs once per step on a slice of the scanned operands. */
    static final class ScanKernel implements LibraryKernel {
        private final Scan s;
        private final SubPrograms programs;

        ScanKernel(Scan s) {
            this.s = s;
            this.programs = new SubPrograms(List.of(s.jaxpr()), "scan");
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
            this.programs = new SubPrograms(c.branches(), "cond");
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
