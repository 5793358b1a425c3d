package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprBuilder;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Jit;
import java.util.List;

/**
 * The partial evaluator behind {@code linearize}: operations on known values (anything that is not
 * one of its tracers) are computed now, by the parent interpreter; operations that touch an unknown
 * value (its tracers) are staged into a Jaxpr, whose constants are the known values they use (the
 * residuals). Run under a {@link JvpInterpreter} with known primals and unknown tangents, it splits
 * the JVP into the primal computation and a linear Jaxpr of the tangents.
 */
final class PartialEvalInterpreter implements Interpreter {
    private final Interpreter parent;
    private final JaxprBuilder builder = new JaxprBuilder(
            a -> a instanceof UnknownTracer t && t.owner() == this ? t.var : null, UnknownTracer::new);

    PartialEvalInterpreter(Interpreter parent) { this.parent = parent; }

    /** A new unknown input of the given type. */
    Array newInput(ArrayType type) { return builder.newInput(type); }

    /** The staged Jaxpr from the inputs made so far to {@code outs} (known outputs become constants). */
    ClosedJaxpr toJaxpr(List<Array> outs) { return builder.build(outs); }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) {
        boolean unknown = false;
        for (Array a : args) unknown |= owns(a);
        if (!unknown) return Trace.under(parent, () -> Trace.bind(primitive, args));
        if (primitive instanceof Jit jit) return JitRules.partialEval(this, jit, args);
        if (primitive instanceof dev.jaxvm.lax.Cond c) return ControlFlowPartialEval.cond(this, c, args);
        if (primitive instanceof dev.jaxvm.lax.While w) return ControlFlowPartialEval.whileLoop(this, w, args);
        if (primitive instanceof dev.jaxvm.lax.Scan s) return ControlFlowPartialEval.scan(this, s, args);
        return stage(primitive, args);
    }

    /** Records {@code primitive} applied to {@code args} as an equation of the unknown Jaxpr. */
    List<Array> stage(Primitive primitive, List<Array> args) { return builder.stage(primitive, args); }

    @Override
    public Interpreter parent() { return parent; }

    @Override
    public String describe() { return "traced for linearization (partial evaluation)"; }

    /** An unknown value: stands for a variable of the linear Jaxpr under construction. */
    final class UnknownTracer extends Tracer {
        private final Var var;

        UnknownTracer(Var var) { this.var = var; }

        @Override
        public ArrayType type() { return var.type(); }

        @Override
        public Interpreter owner() { return PartialEvalInterpreter.this; }
    }
}
