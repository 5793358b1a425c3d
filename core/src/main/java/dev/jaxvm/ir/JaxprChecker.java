package dev.jaxvm.ir;

import dev.jaxvm.core.ArrayType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The Jaxpr type checker (JAX's {@code core.check_jaxpr}): every variable is bound exactly once
 * before use, every equation's output types are what its primitive's {@code abstractEval} gives
 * for its input types (shape and dtype; weak types are not compared, as in JAX), and nested jaxprs
 * in parameters are well formed too.
 *
 * {@snippet :
 * JaxprChecker.check(Jax.makeJaxpr(f).apply(x).jaxpr());   // throws JaxprTypeError if ill formed
 * }
 */
public final class JaxprChecker {
    private JaxprChecker() {}

    /**
     * Checks {@code jaxpr} and the jaxprs nested in its equations' parameters.
     *
     * @throws JaxprTypeError naming the equation and the problem
     */
    public static void check(Jaxpr jaxpr) {
        Set<Var> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Var v : jaxpr.constvars()) bind(bound, v, "constvar");
        for (Var v : jaxpr.invars()) bind(bound, v, "invar");
        List<Eqn> eqns = jaxpr.eqns();
        for (int i = 0; i < eqns.size(); i++) {
            Eqn e = eqns.get(i);
            String where = "equation " + i + " (" + e.primitive().name() + ")";
            List<ArrayType> in = new ArrayList<>();
            for (int k = 0; k < e.inputs().size(); k++) {
                Atom a = e.inputs().get(k);
                if (a instanceof Var v && !bound.contains(v)) {
                    throw new JaxprTypeError(where + ": input " + k + " of type " + v.type() + " is not defined");
                }
                in.add(a.type());
            }
            List<ArrayType> out;
            try {
                out = e.primitive().abstractEval(in);
            } catch (RuntimeException ex) {
                throw new JaxprTypeError(where + ": its type rule rejects inputs " + in + ": " + ex.getMessage());
            }
            if (out.size() != e.outputs().size()) {
                throw new JaxprTypeError(where + ": binds " + e.outputs().size() + " outputs, but the primitive has "
                        + out.size());
            }
            for (int k = 0; k < out.size(); k++) {
                ArrayType want = out.get(k), got = e.outputs().get(k).type();
                if (!want.shape().equals(got.shape()) || want.dtype() != got.dtype()) {
                    throw new JaxprTypeError(where + ": output " + k + " is declared " + got + " but the type rule gives "
                            + want);
                }
            }
            for (Jaxpr sub : JaxprPrinter.jaxprsIn(e.primitive())) check(sub);
            for (Var v : e.outputs()) bind(bound, v, where + " output");
        }
        for (int k = 0; k < jaxpr.outvars().size(); k++) {
            if (jaxpr.outvars().get(k) instanceof Var v && !bound.contains(v)) {
                throw new JaxprTypeError("result " + k + " of type " + v.type() + " is not defined");
            }
        }
    }

    private static void bind(Set<Var> bound, Var v, String what) {
        if (!bound.add(v)) throw new JaxprTypeError(what + " of type " + v.type() + " is bound more than once");
    }
}
