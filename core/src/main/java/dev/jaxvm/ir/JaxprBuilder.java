package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Jaxpr under construction, shared by the interpreters that stage equations (staging for
 * {@code makeJaxpr}/{@code jit}, partial evaluation for {@code linearize}). Scalar constants become
 * literals; other constants, and tracers of enclosing transformations, become constvars. It is
 * owned by one interpreter and confined to its tracing thread.
 */
public final class JaxprBuilder {
    private final Function<Array, Var> ownVar;
    private final Function<Var, Array> newTracer;
    private final List<Var> invars = new ArrayList<>();
    private final List<Eqn> eqns = new ArrayList<>();
    private final Map<Array, Var> constvars = new IdentityHashMap<>();
    private final List<Array> consts = new ArrayList<>();

    /**
     * A builder for an interpreter whose tracers stand for variables.
     *
     * @param ownVar the variable of one of the interpreter's own tracers, or null for any other array
     * @param newTracer a new tracer of the interpreter standing for a variable
     */
    public JaxprBuilder(Function<Array, Var> ownVar, Function<Var, Array> newTracer) {
        this.ownVar = ownVar;
        this.newTracer = newTracer;
    }

    /** A new input of the given type, as a tracer. */
    public Array newInput(ArrayType type) {
        Var v = new Var(type);
        invars.add(v);
        return newTracer.apply(v);
    }

    /**
     * Records {@code primitive} applied to {@code args} after running its type rule, unless its
     * {@link StagingRule} folds it; returns one tracer per output.
     */
    public List<Array> stage(Primitive primitive, List<Array> args) {
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
            tracers.add(newTracer.apply(v));
        }
        eqns.add(new Eqn(primitive, in, outs));
        return tracers;
    }

    /** The staged Jaxpr from the inputs made so far to {@code outs}; other arrays become constants. */
    public ClosedJaxpr build(List<? extends Array> outs) {
        List<Atom> atoms = new ArrayList<>(outs.size());
        for (Array o : outs) atoms.add(lift(o));
        List<Var> cv = new ArrayList<>(consts.size());
        for (Array c : consts) cv.add(constvars.get(c));
        return new ClosedJaxpr(new Jaxpr(cv, invars, eqns, atoms), consts);
    }

    private Atom lift(Array a) {
        Var own = ownVar.apply(a);
        if (own != null) return own;
        if (a instanceof DenseArray d && d.type().rank() == 0) return new Literal(d);
        return constvars.computeIfAbsent(a, c -> {
            consts.add(c);
            return new Var(c.type());
        });
    }
}
