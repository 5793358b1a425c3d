package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A traced function whose constants were turned into leading inputs, as the primitives that call a
 * Jaxpr take them (JAX's {@code convert_constvars_jaxpr}): {@code jaxpr} takes {@code consts} then
 * the function's arguments.
 *
 * {@snippet :
 * Hoisted h = Hoisted.trace(xs -> List.of(Lax.sin(xs.get(0))), List.of(ArrayType.of(DType.FLOAT32)));
 * }
 *
 * @param jaxpr the program, with no constants of its own
 * @param consts the values to pass before the arguments
 */
public record Hoisted(ClosedJaxpr jaxpr, List<Array> consts) {
    public Hoisted {
        consts = List.copyOf(consts);
    }

    /** Traces {@code f} at {@code types} under the current interpreter and hoists its constants. */
    public static Hoisted trace(Function<List<Array>, List<? extends Array>> f, List<ArrayType> types) {
        return of(StagingInterpreter.trace(f, types));
    }

    /** Hoists the constants of {@code closed}. */
    public static Hoisted of(ClosedJaxpr closed) {
        Jaxpr j = closed.jaxpr();
        List<Var> invars = new ArrayList<>(j.constvars());
        invars.addAll(j.invars());
        return new Hoisted(new ClosedJaxpr(new Jaxpr(List.of(), invars, j.eqns(), j.outvars()), List.of()), closed.consts());
    }

    /** The operands for a call: the constants, then {@code args}. */
    public List<Array> operands(List<? extends Array> args) {
        List<Array> out = new ArrayList<>(consts);
        out.addAll(args);
        return out;
    }
}
