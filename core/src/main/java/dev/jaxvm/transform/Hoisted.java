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

    /**
     * Hoists only the constants that are tracers of enclosing transformations, keeping concrete
     * constants in the Jaxpr (as {@code jit} does).
     */
    public static Hoisted tracersOf(ClosedJaxpr closed) {
        Jaxpr j = closed.jaxpr();
        List<Var> keepVars = new ArrayList<>(), hoistVars = new ArrayList<>();
        List<Array> keep = new ArrayList<>(), hoist = new ArrayList<>();
        for (int i = 0; i < j.constvars().size(); i++) {
            Array c = closed.consts().get(i);
            if (c instanceof dev.jaxvm.core.Tracer) {
                hoistVars.add(j.constvars().get(i));
                hoist.add(c);
            } else {
                keepVars.add(j.constvars().get(i));
                keep.add(c);
            }
        }
        List<Var> invars = new ArrayList<>(hoistVars);
        invars.addAll(j.invars());
        return new Hoisted(new ClosedJaxpr(new Jaxpr(keepVars, invars, j.eqns(), j.outvars()), keep), hoist);
    }

    /** The operands for a call: the constants, then {@code args}. */
    public List<Array> operands(List<? extends Array> args) {
        List<Array> out = new ArrayList<>(consts);
        out.addAll(args);
        return out;
    }
}
