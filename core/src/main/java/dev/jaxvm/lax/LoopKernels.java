package dev.jaxvm.lax;

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
 * around their sub-programs, each compiled once by the compiler (cached) and logged by
 * {@code logCompiles} like any program.
 */
final class LoopKernels {
    private LoopKernels() {}

    private static String eqns(ClosedJaxpr j) { return j.jaxpr().eqns().size() + " eqns"; }

    /** {@code while}: the compiled cond decides, the compiled body steps the carry. */
    record WhileKernel(While w) implements LibraryKernel {
        @Override
        public String describe() {
            return "while[cond: " + eqns(w.condJaxpr()) + ", body: " + eqns(w.bodyJaxpr()) + ", compiled sub-programs]";
        }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            Executable cond = Compiler.compile(w.condJaxpr());
            Executable body = Compiler.compile(w.bodyJaxpr());
            int c = w.condNconsts(), b = w.bodyNconsts();
            List<DenseArray> cconsts = in.subList(0, c), bconsts = in.subList(c, c + b);
            List<DenseArray> carry = new ArrayList<>(in.subList(c + b, in.size()));
            while (cond.call(CfTrace.concat(cconsts, carry)).getFirst().getBoolean(0)) {
                carry = body.call(CfTrace.concat(bconsts, carry));
            }
            return Loops.withWeakTypes(carry, out);
        }
    }

    /** {@code scan}: the compiled body runs once per step on a slice of the scanned operands. */
    record ScanKernel(Scan s) implements LibraryKernel {
        @Override
        public String describe() {
            return "scan[length=" + s.length() + ", body: " + eqns(s.jaxpr()) + ", compiled sub-program]";
        }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            Executable body = Compiler.compile(s.jaxpr());
            return ScanLoops.run(s, in, out, body::call);
        }
    }

    /** {@code cond}: the index picks one compiled branch. */
    record CondKernel(Cond c) implements LibraryKernel {
        @Override
        public String describe() { return "cond[" + c.branches().size() + " branches, compiled sub-programs]"; }

        @Override
        public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) {
            int i = Cond.clampIndex(in.getFirst(), c.branches().size());
            Executable branch = Compiler.compile(c.branches().get(i));
            return Loops.withWeakTypes(branch.call(in.subList(1, in.size())), out);
        }
    }
}
