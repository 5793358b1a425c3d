package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowerings of multi-output movement primitives as small programs of simpler primitives (a
 * {@link Lowering.Call} the compiler inlines): each output becomes a slice that fuses into its consumers.
 */
final class Decompositions {
    private Decompositions() {}

    /** {@code split}: one slice per output along {@code axis}. */
    static Lowering split(int axis, List<ArrayType> in, List<ArrayType> out) {
        Var x = new Var(in.getFirst());
        int[] xd = x.type().shape().dims();
        List<Eqn> eqns = new ArrayList<>();
        List<Atom> outs = new ArrayList<>();
        int offset = 0;
        for (ArrayType t : out) {
            int[] lo = new int[xd.length], hi = xd.clone();
            lo[axis] = offset;
            offset += t.shape().dim(axis);
            hi[axis] = offset;
            Var o = new Var(t);
            eqns.add(new Eqn(new Slice(Ints.of(lo), Ints.of(hi), null), List.of(x), List.of(o)));
            outs.add(o);
        }
        return program(List.of(x), eqns, outs);
    }

    /** {@code unstack}: a slice of width one along {@code axis}, squeezed, per output. */
    static Lowering unstack(int axis, List<ArrayType> in, List<ArrayType> out) {
        Var x = new Var(in.getFirst());
        int[] xd = x.type().shape().dims();
        List<Eqn> eqns = new ArrayList<>();
        List<Atom> outs = new ArrayList<>();
        for (int j = 0; j < out.size(); j++) {
            int[] lo = new int[xd.length], hi = xd.clone(), d = xd.clone();
            lo[axis] = j;
            hi[axis] = j + 1;
            d[axis] = 1;
            Var s = new Var(x.type().withShape(new dev.jaxvm.core.Shape(d)));
            Var o = new Var(out.get(j));
            eqns.add(new Eqn(new Slice(Ints.of(lo), Ints.of(hi), null), List.of(x), List.of(s)));
            eqns.add(new Eqn(new Squeeze(Ints.of(axis)), List.of(s), List.of(o)));
            outs.add(o);
        }
        return program(List.of(x), eqns, outs);
    }

    private static Lowering program(List<Var> invars, List<Eqn> eqns, List<Atom> outs) {
        return new Lowering.Call(new ClosedJaxpr(new Jaxpr(List.of(), invars, eqns, outs), List.of()));
    }
}
