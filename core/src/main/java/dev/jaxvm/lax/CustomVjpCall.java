package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.CustomVjpBwd;
import dev.jaxvm.CustomVjpFwd;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custom_vjp_call}: calls a function whose reverse-mode derivative is given by user rules
 * ({@code Jax.customVjp}). Its JVP runs the forward rule and emits a {@link CustomLin} of the
 * tangents, whose transpose is the backward rule; so it supports reverse mode only, as in JAX.
 *
 * @param name the function's name
 * @param callJaxpr the function, taking the constants then the arguments
 * @param fwd the forward rule
 * @param bwd the backward rule
 * @param numConsts the number of leading constant operands (not differentiated)
 */
public record CustomVjpCall(String name, ClosedJaxpr callJaxpr, CustomVjpFwd fwd, CustomVjpBwd bwd, int numConsts)
        implements AutodiffPrimitive, Differentiable, Lowerable {
    @Override
    public String name() { return "custom_vjp_call"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("bwd", new CustomJvpCall.Raw(name + "_bwd")), new Param("call_jaxpr", callJaxpr),
                new Param("fwd", new CustomJvpCall.Raw(name + "_fwd")), new Param("name", new CustomJvpCall.Raw(name)),
                new Param("symbolic_zeros", false));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return Calls.check(name(), callJaxpr, in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return Calls.eval(callJaxpr, in); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        int n = primals.size() - numConsts;
        Array[] p = primals.subList(numConsts, primals.size()).toArray(Array[]::new);
        CustomVjpFwd.Out r = fwd.apply(p);
        List<Array> operands = new ArrayList<>(r.residuals());
        List<ArrayType> argTypes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Array t = tangents.get(numConsts + i);
            ArrayType tt = Tangents.tangentType(p[i].type());
            argTypes.add(tt);
            operands.add(t != null ? t : Tangents.zeros(tt));
        }
        ArrayType outType = Tangents.tangentType(r.out().type());
        Array t = Trace.bind1(new CustomLin(name, bwd, r.residuals().size(), outType, argTypes), operands.toArray(Array[]::new));
        return Jvp.of(r.out(), t);
    }

    /** Compiled as its primal program, inlined into the caller (its derivative rule is for the transformations). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Call(callJaxpr); }
}
