package dev.jaxvm.ir;

import java.util.List;

/**
 * A traced program in A-normal form: JAX's {@code Jaxpr}.
 *
 * @param constvars variables bound to the constants of the enclosing {@link ClosedJaxpr}
 * @param invars the inputs
 * @param eqns the equations, in order
 * @param outvars the results
 */
public record Jaxpr(List<Var> constvars, List<Var> invars, List<Eqn> eqns, List<Atom> outvars) {
    public Jaxpr {
        constvars = List.copyOf(constvars);
        invars = List.copyOf(invars);
        eqns = List.copyOf(eqns);
        outvars = List.copyOf(outvars);
    }

    @Override
    public String toString() { return JaxprPrinter.print(this); }
}
