package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.CustomJvpRule;
import dev.jaxvm.CustomVjpBwd;
import dev.jaxvm.CustomVjpFwd;
import dev.jaxvm.JvpResult;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import dev.jaxvm.lax.Batched;
import dev.jaxvm.lax.CustomJvpCall;
import dev.jaxvm.lax.CustomVjpCall;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Remat;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Batching of the primitives that hold programs: the same primitive on the batched program
 * ({@link BatchJaxpr}); user derivative rules of {@code custom_jvp} / {@code custom_vjp} functions
 * are vmapped along with it, as in JAX.
 */
final class HigherOrderBatching {
    private HigherOrderBatching() {}

    static Batched jit(Jit j, List<Array> values, Ints dims, int size, String name) {
        BatchJaxpr.Result r = BatchJaxpr.batch(j.jaxpr(), dims, size, name);
        return new Batched(Trace.bind(new Jit(j.functionName(), r.jaxpr()), values), r.outDims());
    }

    static Batched remat(Remat p, List<Array> values, Ints dims, int size, String name) {
        BatchJaxpr.Result r = BatchJaxpr.batch(p.jaxpr(), dims, size, name);
        return new Batched(Trace.bind(new Remat(r.jaxpr(), p.differentiated()), values), r.outDims());
    }

    /** A custom_jvp call of the batched function, whose rule is the user's rule vmapped over the same axes. */
    static Batched customJvp(CustomJvpCall c, List<Array> values, Ints dims, int size, String name) {
        int[] argDims = argDims(c.name(), dims, c.numConsts());
        BatchJaxpr.Result r = BatchJaxpr.batch(c.callJaxpr(), dims, size, name, true);
        CustomJvpRule rule = (p, t) -> {
            List<Array> args = new ArrayList<>(Arrays.asList(p));
            args.addAll(Arrays.asList(t));
            List<Integer> axes = new ArrayList<>();
            for (int k = 0; k < 2; k++) for (int d : argDims) axes.add(d == NOT_MAPPED ? null : d);
            int n = p.length;
            List<Array> outs = Vmap.call(xs -> {
                JvpResult jr = c.jvp().apply(xs.subList(0, n).toArray(Array[]::new), xs.subList(n, 2 * n).toArray(Array[]::new));
                return List.of(jr.primal(), jr.tangent());
            }, args, axes, List.of(0), size, name, null);
            return new JvpResult(outs.get(0), outs.get(1));
        };
        return new Batched(Trace.bind(new CustomJvpCall(c.name(), r.jaxpr(), rule, c.numConsts()), values), r.outDims());
    }

    /**
     * A custom_vjp call of the batched function: the forward rule vmapped (output and residuals batched
     * along 0), the backward rule vmapped over residuals and cotangent, with the cotangents of unbatched
     * arguments summed over the batch.
     */
    static Batched customVjp(CustomVjpCall c, List<Array> values, Ints dims, int size, String name) {
        int[] argDims = argDims(c.name(), dims, c.numConsts());
        BatchJaxpr.Result r = BatchJaxpr.batch(c.callJaxpr(), dims, size, name, true);
        List<Integer> inAxes = new ArrayList<>();
        for (int d : argDims) inAxes.add(d == NOT_MAPPED ? null : d);
        List<ArrayType> argTypes = c.callJaxpr().inTypes().subList(c.numConsts(), c.callJaxpr().inTypes().size());
        CustomVjpFwd fwd = xs -> {
            List<Array> outs = Vmap.call(a -> {
                CustomVjpFwd.Out o = c.fwd().apply(a.toArray(Array[]::new));
                List<Array> l = new ArrayList<>(o.residuals());
                l.addFirst(o.out());
                return l;
            }, Arrays.asList(xs), inAxes, List.of(0), size, name, null);
            return new CustomVjpFwd.Out(outs.getFirst(), outs.subList(1, outs.size()));
        };
        CustomVjpBwd bwd = (res, ct) -> {
            List<Array> args = new ArrayList<>(res);
            args.add(ct);
            List<Integer> outAxes = new ArrayList<>();
            for (int d : argDims) outAxes.add(d == NOT_MAPPED ? 0 : d);
            List<Array> gs = Vmap.call(a -> {
                List<Array> g = new ArrayList<>(c.bwd().apply(a.subList(0, res.size()), a.getLast()));
                for (int i = 0; i < g.size(); i++) if (g.get(i) == null) g.set(i, Tangents.zeros(Tangents.tangentType(argTypes.get(i))));
                return g;
            }, args, Collections.nCopies(args.size(), 0), outAxes, size, name, null);
            List<Array> out = new ArrayList<>(gs.size());
            for (int i = 0; i < gs.size(); i++) out.add(argDims[i] == NOT_MAPPED ? Lax.reduceSum(gs.get(i), 0) : gs.get(i));
            return out;
        };
        return new Batched(Trace.bind(new CustomVjpCall(c.name(), r.jaxpr(), fwd, bwd, c.numConsts()), values), r.outDims());
    }

    /** The batch dims of the differentiated arguments (after the constants, which must not be batched). */
    private static int[] argDims(String fn, Ints dims, int numConsts) {
        for (int i = 0; i < numConsts; i++) {
            if (dims.get(i) != NOT_MAPPED) {
                throw new UnsupportedOperationException("vmap of the custom-derivative function " + fn + ", which closes"
                        + " over a batched value, is not supported: pass the value as an argument instead");
            }
        }
        return Arrays.copyOfRange(dims.values(), numConsts, dims.size());
    }
}
