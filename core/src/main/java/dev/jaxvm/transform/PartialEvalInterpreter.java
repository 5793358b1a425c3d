package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.StagingRule;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Jit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial evaluator behind {@code linearize}: operations on known values (anything that is not
 * one of its tracers) are computed now, by the parent interpreter; operations that touch an unknown
 * value (its tracers) are staged into a Jaxpr, whose constants are the known values they use (the
 * residuals). Run under a {@link JvpInterpreter} with known primals and unknown tangents, it splits
 * the JVP into the primal computation and a linear Jaxpr of the tangents.
 */
final class PartialEvalInterpreter implements Interpreter {
    private final Interpreter parent;
    private final List<Eqn> eqns = new ArrayList<>();
    private final Map<Array, Var> constvars = new IdentityHashMap<>();
    private final List<Array> consts = new ArrayList<>();
    private final List<Var> invars = new ArrayList<>();

    PartialEvalInterpreter(Interpreter parent) { this.parent = parent; }

    /** A new unknown input of the given type. */
    Array newInput(ArrayType type) {
        Var v = new Var(type);
        invars.add(v);
        return new UnknownTracer(v);
    }

    /** The staged Jaxpr from the inputs made so far to {@code outs} (known outputs become constants). */
    ClosedJaxpr toJaxpr(List<Array> outs) {
        List<Atom> atoms = new ArrayList<>(outs.size());
        for (Array o : outs) atoms.add(lift(o));
        List<Var> cv = new ArrayList<>(consts.size());
        for (Array c : consts) cv.add(constvars.get(c));
        return new ClosedJaxpr(new Jaxpr(cv, invars, eqns, atoms), consts);
    }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) {
        boolean unknown = false;
        for (Array a : args) unknown |= owns(a);
        if (!unknown) return Trace.under(parent, () -> Trace.bind(primitive, args));
        if (primitive instanceof Jit jit) return JitRules.partialEval(this, jit, args);
        return stage(primitive, args);
    }

    /** Records {@code primitive} applied to {@code args} as an equation of the unknown Jaxpr. */
    List<Array> stage(Primitive primitive, List<Array> args) {
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
            tracers.add(new UnknownTracer(v));
        }
        eqns.add(new Eqn(primitive, in, outs));
        return tracers;
    }

    private Atom lift(Array a) {
        if (a instanceof UnknownTracer t && t.owner() == this) return t.var;
        if (a instanceof DenseArray d && d.type().rank() == 0) return new Literal(d);
        return constvars.computeIfAbsent(a, c -> {
            consts.add(c);
            return new Var(c.type());
        });
    }

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
