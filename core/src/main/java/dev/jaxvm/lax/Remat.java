package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.List;

/**
 * {@code remat2} ({@code Jax.checkpoint}): calls a Jaxpr whose intermediate values are not saved for
 * the backward pass but recomputed there. Its differentiation rules need whole-Jaxpr
 * transformations, so the JVP interpreter and the transposer handle it by pattern matching: the
 * JVP of a {@code remat2} is a {@code remat2} of the JVP Jaxpr ({@code differentiated=True}), whose
 * only residuals are its inputs; its transpose recomputes the forward values and is itself a
 * {@code remat2}.
 *
 * @param jaxpr the called program
 * @param differentiated whether this is the derivative of a checkpointed function
 */
public record Remat(ClosedJaxpr jaxpr, boolean differentiated) implements AutodiffPrimitive, Lowerable {
    @Override
    public String name() { return "remat2"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("differentiated", differentiated), new Param("jaxpr", jaxpr), new Param("policy", null),
                new Param("prevent_cse", true));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return Calls.check(name(), jaxpr, in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return Calls.eval(jaxpr, in); }

    /** Compiled as its primal program, inlined into the caller (its derivative rule is for the transformations). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Call(jaxpr); }
}
