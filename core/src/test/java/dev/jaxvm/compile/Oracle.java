package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Literal;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Test helpers: the primitives' reference evaluation of a Jaxpr, random inputs, and comparisons. */
final class Oracle {
    private Oracle() {}

    /** Evaluates every equation with its primitive's reference {@code evaluate}. */
    static List<DenseArray> evaluate(ClosedJaxpr closed, List<DenseArray> args) {
        Map<Var, DenseArray> env = new IdentityHashMap<>();
        for (int i = 0; i < args.size(); i++) env.put(closed.jaxpr().invars().get(i), args.get(i));
        for (int i = 0; i < closed.consts().size(); i++) env.put(closed.jaxpr().constvars().get(i), (DenseArray) closed.consts().get(i));
        for (Eqn e : closed.jaxpr().eqns()) {
            List<DenseArray> in = new ArrayList<>();
            for (Atom a : e.inputs()) in.add(read(env, a));
            List<ArrayType> outTypes = e.outputs().stream().map(Var::type).toList();
            List<DenseArray> out = e.primitive().evaluate(in, outTypes);
            for (int i = 0; i < out.size(); i++) env.put(e.outputs().get(i), out.get(i));
        }
        List<DenseArray> outs = new ArrayList<>();
        for (Atom a : closed.jaxpr().outvars()) outs.add(read(env, a));
        return outs;
    }

    private static DenseArray read(Map<Var, DenseArray> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Literal l -> l.value();
        };
    }

    static ClosedJaxpr trace(Function<List<Array>, List<? extends Array>> f, ArrayType... in) {
        return StagingInterpreter.trace(f, List.of(in));
    }

    /** Random values of type t: floats in [-3, 3], integers in [-50, 50] (unsigned: [0, 100]), bools. */
    static DenseArray random(ArrayType t, Random r) {
        Object d = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            if (t.dtype().isFloating()) Storage.setDouble(t.dtype(), d, i, r.nextDouble() * 6 - 3);
            else if (t.dtype() == DType.BOOL) Storage.setBoolean(t.dtype(), d, i, r.nextBoolean());
            else Storage.setLong(t.dtype(), d, i, r.nextInt(101) - (t.dtype().isUnsigned() ? 0 : 50));
        }
        return DenseArray.wrap(t, d);
    }

    /** Asserts equal types and elements: bit-exact, or within {@code ulps} units in the last place for floats. */
    static void assertClose(DenseArray want, DenseArray got, int ulps, String what) { assertClose(want, got, ulps, 0, what); }

    /** As {@link #assertClose(DenseArray, DenseArray, int, String)}, also accepting float errors up to {@code atol}. */
    static void assertClose(DenseArray want, DenseArray got, int ulps, double atol, String what) {
        assertEquals(want.type().shape(), got.type().shape(), what + ": shape");
        assertEquals(want.dtype(), got.dtype(), what + ": dtype");
        for (int i = 0; i < want.size(); i++) {
            if (want.dtype().isFloating()) {
                double a = want.getDouble(i), b = got.getDouble(i);
                if (Double.compare(a, b) == 0 || (Double.isNaN(a) && Double.isNaN(b))) continue;
                double ulp = want.dtype() == DType.FLOAT64 ? Math.ulp(a) : Math.ulp((float) a);
                if (Math.abs(a - b) <= ulps * ulp || Math.abs(a - b) <= atol) continue;
                fail(what + ": element " + i + " expected " + a + " but was " + b + " (" + want.type() + ")");
            } else if (want.getLong(i) != got.getLong(i)) {
                fail(what + ": element " + i + " expected " + want.getLong(i) + " but was " + got.getLong(i) + " (" + want.type() + ")");
            }
        }
    }
}
