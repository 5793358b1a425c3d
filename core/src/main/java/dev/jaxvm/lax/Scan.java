package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code scan}: runs {@code jaxpr} {@code length} times, threading a carry and slicing the scanned
 * operands along their leading axis ({@code Lax.scan}, {@code Lax.map}, {@code Lax.foriLoop} with
 * concrete bounds). Operands: {@code numConsts} constants, {@code numCarry} initial carries, then the
 * scanned arrays; results: the final carries, then the per-step outputs stacked along a new leading
 * axis. Printed as JAX 0.10.2 prints it:
 * {@code scan[jaxpr={ ... } length=16 num_carry=1 num_consts=1 reverse=False unroll=1]}.
 *
 * @param jaxpr constants, carry and one slice of each scanned operand to the new carry and the step's outputs
 * @param length the number of steps
 * @param numCarry the number of carry values
 * @param numConsts the number of constants
 * @param reverse whether the steps run from the last slice to the first
 * @param unroll how many steps a compiled loop body would hold (a performance hint; results do not depend on it)
 */
public record Scan(ClosedJaxpr jaxpr, int length, int numCarry, int numConsts, boolean reverse, int unroll)
        implements HigherOrderPrimitive, Lowerable, dev.jaxvm.ir.DceRule {
    public Scan {
        Objects.requireNonNull(jaxpr, "jaxpr");
        if (length < 0) throw new IllegalArgumentException("scan: negative length " + length);
        if (unroll < 0) throw new IllegalArgumentException("`unroll` must be a `bool` or a non-negative `int`.");
    }

    @Override
    public String name() { return "scan"; }

    /** The number of scanned operands. */
    int numXs() { return jaxpr.inTypes().size() - numConsts - numCarry; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        List<ArrayType> want = jaxpr.inTypes();
        if (in.size() != want.size()) {
            throw new IllegalArgumentException("scan number of arguments doesn't match the number of jaxpr arguments: "
                    + in.size() + " vs " + want.size());
        }
        List<ArrayType> sliced = new ArrayList<>(in.subList(0, numConsts + numCarry));
        for (ArrayType x : in.subList(numConsts + numCarry, in.size())) {
            if (x.rank() == 0 || x.shape().dim(0) != length) {
                throw new IllegalArgumentException("scan got value with leading axis size other than length=" + length
                        + ": " + x);
            }
            sliced.add(Slabs.rowType(x));
        }
        Loops.checkOperands("scan body function", want, sliced);
        List<ArrayType> outs = jaxpr.outTypes();
        Loops.checkCarry("scan body", in.subList(numConsts, numConsts + numCarry), outs.subList(0, numCarry));
        List<ArrayType> res = new ArrayList<>(outs.subList(0, numCarry));
        for (ArrayType y : outs.subList(numCarry, outs.size())) res.add(Slabs.stackedType(y, length));
        return res;
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return ScanLoops.run(this, in, out, args -> While.run(jaxpr, args));
    }

    /** Unused outputs and what only they need leave the equation (JAX's DCE rule). */
    @Override
    public dev.jaxvm.ir.Eqn prune(dev.jaxvm.ir.Eqn e, boolean[] usedOutputs) { return ControlFlowDce.scan(this, e, usedOutputs); }

    /** Compiled as a loop in Java around the compiled body. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new LoopKernels.ScanKernel(this)); }
}
