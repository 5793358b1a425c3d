package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.ir.Var;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-Jaxpr transformations for the control-flow primitives' rules (JAX's {@code jvp_jaxpr},
 * {@code rearrange_binders}): each traces the transformed program with its inputs and outputs in
 * the grouped order the primitive's operands take.
 */
final class CfJaxprs {
    private CfJaxprs() {}

    /**
     * A differentiated program.
     *
     * @param jaxpr the JVP program
     * @param outNz for each original output, whether the program outputs its tangent
     */
    record Jvped(ClosedJaxpr jaxpr, boolean[] outNz) {}

    /**
     * The JVP of {@code j}. Its inputs come in groups of consecutive operands ({@code inGroups} sizes);
     * the JVP program takes, group by group, the group's primals then the tangents of its operands
     * marked in {@code inNz}. Its outputs likewise: per group of {@code outGroups}, the primals, then the
     * tangents that are non-zero or marked in {@code instantiate} (instantiated as zeros if need be).
     */
    static Jvped jvp(ClosedJaxpr j, int[] inGroups, boolean[] inNz, int[] outGroups, boolean[] instantiate) {
        List<ArrayType> in = j.inTypes(), out = j.outTypes();
        List<ArrayType> types = new ArrayList<>();
        for (int g = 0, s = 0; g < inGroups.length; s += inGroups[g++]) {
            for (int i = s; i < s + inGroups[g]; i++) types.add(in.get(i));
            for (int i = s; i < s + inGroups[g]; i++) if (inNz[i]) types.add(Tangents.tangentType(in.get(i)));
        }
        boolean[] outNz = new boolean[out.size()];
        ClosedJaxpr traced = StagingInterpreter.trace(xs -> {
            List<Array> primals = new ArrayList<>(), tangents = new ArrayList<>();
            int k = 0;
            for (int g = 0, s = 0; g < inGroups.length; s += inGroups[g++]) {
                for (int i = s; i < s + inGroups[g]; i++) primals.add(xs.get(k++));
                for (int i = s; i < s + inGroups[g]; i++) tangents.add(inNz[i] ? xs.get(k++) : null);
            }
            JvpInterpreter.Result r = JvpInterpreter.jvp(ys -> JaxprEval.eval(j, ys), primals, tangents);
            List<Array> outs = new ArrayList<>();
            for (int g = 0, s = 0; g < outGroups.length; s += outGroups[g++]) {
                outs.addAll(r.primalsOut().subList(s, s + outGroups[g]));
                for (int o = s; o < s + outGroups[g]; o++) {
                    Array t = r.tangentsOut().get(o);
                    outNz[o] = t != null || instantiate[o];
                    if (outNz[o]) outs.add(t != null ? t : Tangents.zeros(Tangents.tangentType(out.get(o))));
                }
            }
            return outs;
        }, types);
        return new Jvped(traced, outNz);
    }

    /** {@code j} taking extra, unused inputs of the given types after its own. */
    static ClosedJaxpr withUnusedInputs(ClosedJaxpr j, List<ArrayType> extra) {
        Jaxpr x = j.jaxpr();
        List<Var> invars = new ArrayList<>(x.invars());
        for (ArrayType t : extra) invars.add(new Var(t));
        return new ClosedJaxpr(new Jaxpr(x.constvars(), invars, x.eqns(), x.outvars()), j.consts());
    }

    /** The elements of {@code xs} marked in {@code mask}. */
    static <T> List<T> select(List<T> xs, boolean[] mask) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < mask.length; i++) if (mask[i]) out.add(xs.get(i));
        return out;
    }

    /** Element-wise or; returns whether {@code into} changed. */
    static boolean orInto(boolean[] into, boolean[] from) {
        boolean changed = false;
        for (int i = 0; i < into.length; i++) {
            if (from[i] && !into[i]) {
                into[i] = true;
                changed = true;
            }
        }
        return changed;
    }

    /** Concatenated masks. */
    static boolean[] cat(boolean[]... parts) {
        int n = 0;
        for (boolean[] p : parts) n += p.length;
        boolean[] out = new boolean[n];
        int k = 0;
        for (boolean[] p : parts) for (boolean b : p) out[k++] = b;
        return out;
    }

    /** The number of true entries. */
    static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) if (b) n++;
        return n;
    }

    /** Two lists of types, appended. */
    static List<ArrayType> catTypes(List<ArrayType> a, List<ArrayType> b) {
        List<ArrayType> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Two lists of arrays, appended. */
    static List<Array> catArrays(List<Array> a, List<Array> b) {
        List<Array> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
