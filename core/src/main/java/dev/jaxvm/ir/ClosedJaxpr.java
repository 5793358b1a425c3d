package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import java.util.List;

/**
 * A Jaxpr with its constants: what {@code Jax.makeJaxpr} returns. {@link #toString()} is JAX's
 * text format, byte for byte.
 *
 * @param jaxpr the program
 * @param consts one value per constvar (concrete arrays, or tracers of an enclosing transformation)
 */
public record ClosedJaxpr(Jaxpr jaxpr, List<Array> consts) {
    /** @throws IllegalArgumentException if the constants don't match the constvars */
    public ClosedJaxpr {
        consts = List.copyOf(consts);
        if (consts.size() != jaxpr.constvars().size()) {
            throw new IllegalArgumentException(consts.size() + " constants for " + jaxpr.constvars().size() + " constvars");
        }
    }

    /** The input types. */
    public List<ArrayType> inTypes() {
        List<Var> vs = jaxpr.invars();
        ArrayType[] t = new ArrayType[vs.size()];
        for (int i = 0; i < t.length; i++) t[i] = vs.get(i).type();
        return List.of(t);
    }

    /** The output types. */
    public List<ArrayType> outTypes() {
        List<Atom> vs = jaxpr.outvars();
        ArrayType[] t = new ArrayType[vs.size()];
        for (int i = 0; i < t.length; i++) t[i] = vs.get(i).type();
        return List.of(t);
    }

    @Override
    public String toString() { return JaxprPrinter.print(this); }
}
