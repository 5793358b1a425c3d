package dev.jaxvm.ir;

import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * One equation of a Jaxpr: {@code outputs = primitive[params] inputs}.
 *
 * @param primitive the primitive, whose record components are the parameters
 * @param inputs the operands
 * @param outputs the result variables
 */
public record Eqn(Primitive primitive, List<Atom> inputs, List<Var> outputs) {
    public Eqn {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    @Override
    public String toString() { return JaxprPrinter.printEqn(this); }
}
