package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The staging interpreter: records every bound primitive as an equation, after running its type
 * rule, to build a Jaxpr ({@code make_jaxpr}, {@code jit}). Scalar constants become literals; other
 * constants, and tracers of enclosing transformations, become constvars.
 *
 * {@snippet :
 * ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(Lax.sin(xs.getFirst())),
 *         List.of(ArrayType.of(DType.FLOAT32, 3)));
 * }
 */
public final class StagingInterpreter implements Interpreter {
    private final Interpreter parent;
    private final JaxprBuilder builder = new JaxprBuilder(
            a -> a instanceof StagingTracer t && t.owner() == this ? t.var : null, StagingTracer::new);

    private StagingInterpreter(Interpreter parent) { this.parent = parent; }

    /**
     * Traces {@code f} on arguments of the given types and returns its Jaxpr with constants.
     *
     * @throws IllegalArgumentException if a primitive's type rule rejects its operands
     */
    public static ClosedJaxpr trace(Function<List<Array>, List<? extends Array>> f, List<ArrayType> inTypes) {
        StagingInterpreter s = new StagingInterpreter(Trace.current());
        List<Array> args = new ArrayList<>();
        for (ArrayType t : inTypes) args.add(s.builder.newInput(t));
        List<? extends Array> outs = Trace.under(s, () -> f.apply(List.copyOf(args)));
        return s.builder.build(outs);
    }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) { return builder.stage(primitive, args); }

    @Override
    public Interpreter parent() { return parent; }

    @Override
    public String describe() { return "traced for staging into a Jaxpr"; }

    /** A value being staged: stands for a variable of the Jaxpr under construction. */
    final class StagingTracer extends Tracer {
        private final Var var;

        StagingTracer(Var var) { this.var = var; }

        @Override
        public ArrayType type() { return var.type(); }

        @Override
        public Interpreter owner() { return StagingInterpreter.this; }
    }
}
