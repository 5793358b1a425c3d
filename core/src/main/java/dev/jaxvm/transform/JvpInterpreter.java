package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.lax.Differentiable;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.lax.Remat;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The forward-mode (JVP) interpreter: each of its tracers carries a primal value and a tangent
 * ({@code null} for a symbolic zero), and each primitive is replaced by its JVP rule, run under the
 * parent interpreter. Tracers belong to one interpreter instance, so nested differentiations of the
 * same function never confuse their perturbations.
 *
 * {@snippet :
 * JvpInterpreter.Result r = JvpInterpreter.jvp(xs -> List.of(Lax.sin(xs.get(0))), List.of(x), List.of(t));
 * }
 */
public final class JvpInterpreter implements Interpreter {
    private final Interpreter parent;

    private JvpInterpreter(Interpreter parent) { this.parent = parent; }

    /**
     * The outputs of a JVP.
     *
     * @param primalsOut the primal outputs
     * @param tangentsOut their tangents, {@code null} where symbolically zero
     */
    public record Result(List<Array> primalsOut, List<Array> tangentsOut) {}

    /**
     * Evaluates {@code f} at {@code primals} and its directional derivative along {@code tangents}
     * ({@code null} or float0 entries are zero).
     */
    public static Result jvp(Function<List<Array>, List<? extends Array>> f, List<Array> primals, List<Array> tangents) {
        JvpInterpreter j = new JvpInterpreter(Trace.current());
        List<Array> in = new ArrayList<>(primals.size());
        for (int i = 0; i < primals.size(); i++) {
            Array t = tangents.get(i);
            boolean zero = t == null || !Tangents.isDifferentiable(t.type());
            in.add(zero ? primals.get(i) : j.new JvpTracer(primals.get(i), t));
        }
        List<? extends Array> outs = Trace.under(j, () -> f.apply(java.util.Collections.unmodifiableList(in)));
        List<Array> p = new ArrayList<>(outs.size());
        List<Array> t = new ArrayList<>(outs.size());
        for (Array o : outs) {
            if (o instanceof JvpTracer jt && jt.owner() == j) {
                p.add(jt.primal);
                t.add(jt.tangent);
            } else {
                p.add(o);
                t.add(null);
            }
        }
        return new Result(p, t);
    }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) {
        List<Array> primals = new ArrayList<>(args.size());
        List<Array> tangents = new ArrayList<>(args.size());
        boolean any = false;
        for (Array a : args) {
            if (a instanceof JvpTracer t && t.owner() == this) {
                primals.add(t.primal);
                tangents.add(t.tangent);
                any |= t.tangent != null;
            } else {
                primals.add(a);
                tangents.add(null);
            }
        }
        if (!any) return Trace.under(parent, () -> Trace.bind(primitive, primals));
        Differentiable.Jvp r = Trace.under(parent, () -> switch (primitive) {
            case Remat remat -> RematRules.jvp(remat, primals, tangents);
            case Jit jit -> JitRules.jvp(jit, primals, tangents);
            case dev.jaxvm.lax.Cond c -> ControlFlowJvp.cond(c, primals, tangents);
            case dev.jaxvm.lax.While w -> ControlFlowJvp.whileLoop(w, primals, tangents);
            case dev.jaxvm.lax.Scan s -> ControlFlowJvp.scan(s, primals, tangents);
            default -> rule(primitive).jvp(primals, tangents);
        });
        List<Array> out = new ArrayList<>(r.primalsOut().size());
        for (int i = 0; i < r.primalsOut().size(); i++) {
            Array t = r.tangentsOut().get(i);
            Array p = r.primalsOut().get(i);
            if (t != null && !t.type().shape().equals(p.type().shape())) {
                throw new IllegalStateException("jvp rule of " + primitive.name() + " produced a tangent of type " + t.type()
                        + " for a primal of type " + p.type());
            }
            out.add(t == null ? p : new JvpTracer(p, t));
        }
        return out;
    }

    /** The JVP rule of {@code p}, or JAX's error for a primitive without one. */
    static Differentiable rule(Primitive p) {
        if (p instanceof Differentiable d) return d;
        throw new UnsupportedOperationException("Differentiation rule for '" + p.name() + "' not implemented");
    }

    @Override
    public Interpreter parent() { return parent; }

    @Override
    public String describe() { return "traced for differentiation (JVP)"; }

    /** A value under differentiation: a primal and its (non-zero) tangent. */
    final class JvpTracer extends Tracer {
        private final Array primal;
        private final Array tangent;

        JvpTracer(Array primal, Array tangent) {
            this.primal = primal;
            this.tangent = tangent;
        }

        @Override
        public ArrayType type() { return primal.type(); }

        @Override
        public Interpreter owner() { return JvpInterpreter.this; }
    }
}
