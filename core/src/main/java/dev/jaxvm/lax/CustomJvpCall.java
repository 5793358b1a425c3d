package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.CustomJvpRule;
import dev.jaxvm.JvpResult;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.List;

/**
 * {@code custom_jvp_call}: calls a function (its Jaxpr) whose derivative is given by a user rule
 * ({@code Jax.customJvp}). The first {@code numConsts} operands are the values the function closes
 * over; they are not differentiated.
 *
 * @param name the function's name
 * @param callJaxpr the function, taking the constants then the arguments
 * @param jvp the user's rule
 * @param numConsts the number of leading constant operands
 */
public record CustomJvpCall(String name, ClosedJaxpr callJaxpr, CustomJvpRule jvp, int numConsts)
        implements AutodiffPrimitive, Differentiable, Lowerable {
    @Override
    public String name() { return "custom_jvp_call"; }

    @Override
    public List<Param> params() {
        return List.of(new Param("name", new Raw(name)), new Param("call_jaxpr", callJaxpr),
                new Param("jvp", new Raw("<lambda>")), new Param("symbolic_zeros", false));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) { return Calls.check(name(), callJaxpr, in); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return Calls.eval(callJaxpr, in); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        int n = primals.size() - numConsts;
        Array[] p = new Array[n];
        Array[] t = new Array[n];
        for (int i = 0; i < n; i++) {
            p[i] = primals.get(numConsts + i);
            Array ti = tangents.get(numConsts + i);
            t[i] = ti != null ? ti : Tangents.zeros(Tangents.tangentType(p[i].type()));
        }
        JvpResult r = jvp.apply(p, t);
        ArrayType want = callJaxpr.outTypes().getFirst();
        if (!r.primal().type().shape().equals(want.shape()) || r.primal().dtype() != want.dtype()) {
            throw new IllegalArgumentException("Custom JVP rule of " + name + " must produce primal outputs with the same"
                    + " shapes and dtypes as the function: expected " + want + ", got " + r.primal().type());
        }
        if (!r.tangent().type().shape().equals(want.shape())) {
            throw new IllegalArgumentException("Custom JVP rule of " + name + " must produce a tangent of the primal's"
                    + " shape " + want.shape() + ", got " + r.tangent().type());
        }
        return Jvp.of(r.primal(), r.tangent());
    }

    /** A parameter value printed as is (Python's repr of a function or a name). */
    record Raw(String text) {
        @Override
        public String toString() { return text; }
    }

    /** Compiled as its primal program, inlined into the caller (its derivative rule is for the transformations). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Call(callJaxpr); }
}
