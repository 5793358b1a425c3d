package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.List;

/**
 * {@code cond}: runs the branch its int32 index selects (clamped into range) on the remaining
 * operands ({@code Lax.cond}, whose branches are {@code (false, true)}, and {@code Lax.switch_}).
 * Printed as JAX prints it: {@code cond[branches=({ ... } { ... })] index operands...}.
 *
 * <p>Differentiable in both modes and batchable (by the interpreters, which transform the branches;
 * a batched index becomes a {@code select_n} over all branches, as in JAX). Compiled as a choice in
 * Java between the compiled branches.
 *
 * @param branches the branch programs, all with the same input and output types
 */
public record Cond(List<ClosedJaxpr> branches) implements HigherOrderPrimitive, Lowerable, dev.jaxvm.ir.DceRule {
    public Cond {
        branches = List.copyOf(branches);
        if (branches.isEmpty()) throw new IllegalArgumentException("cond requires at least one branch function");
    }

    @Override
    public String name() { return "cond"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ClosedJaxpr b0 = branches.getFirst();
        for (int i = 1; i < branches.size(); i++) {
            ClosedJaxpr b = branches.get(i);
            if (b0.inTypes().size() != b.inTypes().size()) {
                throw new IllegalArgumentException("cond branch 0 takes " + b0.inTypes().size() + " inputs, branch " + i
                        + " takes " + b.inTypes().size());
            }
            if (b0.outTypes().size() != b.outTypes().size()) {
                throw new IllegalArgumentException("cond branch 0 outputs " + b0.outTypes().size() + " values, branch " + i
                        + " outputs " + b.outTypes().size());
            }
            if (!matches(b0.inTypes(), b.inTypes())) {
                throw new IllegalArgumentException("cond branches 0 and " + i + " have mismatching input types: "
                        + Loops.shortTypes(b0.inTypes()) + " vs " + Loops.shortTypes(b.inTypes()));
            }
            if (!matches(b0.outTypes(), b.outTypes())) {
                throw new IllegalArgumentException("cond branches 0 and " + i + " have mismatching output types: "
                        + Loops.shortTypes(b0.outTypes()) + " vs " + Loops.shortTypes(b.outTypes()));
            }
        }
        if (in.size() != 1 + b0.inTypes().size()) {
            throw new IllegalArgumentException("cond called with " + (in.size() - 1) + " non-predicate operands, but branches"
                    + " take " + b0.inTypes().size() + " inputs");
        }
        if (in.getFirst().dtype() != DType.INT32 || in.getFirst().rank() != 0) {
            throw new IllegalArgumentException("cond called with index of type " + in.getFirst().toLongString()
                    + " instead of int32");
        }
        List<ArrayType> ops = in.subList(1, in.size());
        if (!matches(b0.inTypes(), ops)) {
            throw new IllegalArgumentException("cond branches take input types " + Loops.shortTypes(b0.inTypes())
                    + ", called with operands of type " + Loops.shortTypes(ops));
        }
        return b0.outTypes();
    }

    private static boolean matches(List<ArrayType> a, List<ArrayType> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!CfTrace.typematch(a.get(i), b.get(i))) return false;
        return true;
    }

    /** The branch an index selects: clamped into {@code [0, n)}. */
    static int clampIndex(DenseArray index, int n) { return (int) Math.max(0, Math.min(n - 1, index.getLong(0))); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        ClosedJaxpr b = branches.get(clampIndex(in.getFirst(), branches.size()));
        return Loops.withWeakTypes(While.run(b, in.subList(1, in.size())), out);
    }

    /** Unused outputs and what only they need leave the equation (JAX's DCE rule). */
    @Override
    public dev.jaxvm.ir.Eqn prune(dev.jaxvm.ir.Eqn e, boolean[] usedOutputs) { return ControlFlowDce.cond(this, e, usedOutputs); }

    /** Compiled as a choice in Java between the compiled branches. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new LoopKernels.CondKernel(this)); }
}
