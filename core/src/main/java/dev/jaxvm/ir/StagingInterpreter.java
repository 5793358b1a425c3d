package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<Eqn> eqns = new ArrayList<>();
    private final Map<Array, Var> constvars = new IdentityHashMap<>();
    private final List<Array> consts = new ArrayList<>();

    private StagingInterpreter(Interpreter parent) { this.parent = parent; }

    /**
     * Traces {@code f} on arguments of the given types and returns its Jaxpr with constants.
     *
     * @throws IllegalArgumentException if a primitive's type rule rejects its operands
     */
    public static ClosedJaxpr trace(Function<List<Array>, List<? extends Array>> f, List<ArrayType> inTypes) {
        StagingInterpreter s = new StagingInterpreter(Trace.current());
        List<Var> invars = new ArrayList<>();
        List<Array> args = new ArrayList<>();
        for (ArrayType t : inTypes) {
            Var v = new Var(t);
            invars.add(v);
            args.add(s.new StagingTracer(v));
        }
        List<? extends Array> outs = Trace.under(s, () -> f.apply(List.copyOf(args)));
        List<Atom> outAtoms = new ArrayList<>();
        for (Array o : outs) outAtoms.add(s.lift(o));
        List<Var> cv = new ArrayList<>();
        for (Array c : s.consts) cv.add(s.constvars.get(c));
        return new ClosedJaxpr(new Jaxpr(cv, invars, s.eqns, outAtoms), s.consts);
    }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) {
        List<Atom> in = new ArrayList<>(args.size());
        List<ArrayType> types = new ArrayList<>(args.size());
        for (Array a : args) {
            Atom atom = lift(a);
            in.add(atom);
            types.add(atom.type());
        }
        List<ArrayType> outTypes = primitive.abstractEval(types);
        if (primitive instanceof StagingRule rule) {
            List<Array> folded = rule.stageOrFold(args, outTypes);
            if (folded != null) return folded;
        }
        List<Var> outs = new ArrayList<>(outTypes.size());
        List<Array> tracers = new ArrayList<>(outTypes.size());
        for (ArrayType t : outTypes) {
            Var v = new Var(t);
            outs.add(v);
            tracers.add(new StagingTracer(v));
        }
        eqns.add(new Eqn(primitive, in, outs));
        return tracers;
    }

    private Atom lift(Array a) {
        if (a instanceof StagingTracer t && t.owner() == this) return t.var;
        if (a instanceof DenseArray d && d.type().rank() == 0) return new Literal(d);
        return constvars.computeIfAbsent(a, c -> {
            consts.add(c);
            return new Var(c.type());
        });
    }

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
