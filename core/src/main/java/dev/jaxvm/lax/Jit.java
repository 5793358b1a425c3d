package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.CallPrimitive;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code jit}: calls a traced program on its operands, printed {@code jit[name=f jaxpr={ ... }]}.
 * Staged by a jitted function ({@code Jax.jit}) under any transformation; evaluated by running the
 * program (the compiler replaces that path for top-level calls).
 *
 * @param functionName the jitted function's name (JAX's {@code name} parameter)
 * @param jaxpr the program: one input per operand, one output per result
 */
public record Jit(String functionName, ClosedJaxpr jaxpr) implements HigherOrderPrimitive, CallPrimitive, Lowerable {
    public Jit {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(jaxpr, "jaxpr");
    }

    @Override
    public String name() { return "jit"; }

    /** JAX's print rule: {@code name} first, then {@code jaxpr}. */
    @Override
    public List<Param> params() { return List.of(new Param("name", functionName), new Param("jaxpr", jaxpr)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        List<ArrayType> want = jaxpr.inTypes();
        if (in.size() != want.size()) {
            throw new IllegalArgumentException("jit of " + functionName + ": expected " + want.size()
                    + " arguments, got " + in.size());
        }
        for (int i = 0; i < in.size(); i++) {
            ArrayType a = in.get(i), w = want.get(i);
            if (!a.shape().equals(w.shape()) || a.dtype() != w.dtype()) {
                throw new IllegalArgumentException("jit of " + functionName + ": argument " + i + " has type "
                        + a.toLongString() + " but the traced program expects " + w.toLongString());
            }
        }
        return jaxpr.outTypes();
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        List<Array> res = Trace.under(EvalInterpreter.INSTANCE, () -> JaxprEval.eval(jaxpr, in));
        List<DenseArray> outs = new ArrayList<>(res.size());
        for (int i = 0; i < res.size(); i++) {
            outs.add(((DenseArray) res.get(i)).withWeakType(out.get(i).weakType()));
        }
        return outs;
    }

    /** Compiled by inlining the program into the caller's (at top level: compiling the program itself). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Call(jaxpr); }
}
