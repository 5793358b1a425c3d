package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import dev.jaxvm.lax.Batchable;
import dev.jaxvm.lax.Batched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code vmap} on flat lists of arrays: checks the axes and sizes with JAX's messages, runs the
 * function under a {@link BatchInterpreter} and moves each output's batch axis to its out axis.
 * {@code Jax.vmap} builds on this for functions of arrays and pytrees.
 *
 * {@snippet :
 * List<Array> ys = Vmap.call(xs -> List.of(Lax.sin(xs.get(0))), List.of(x), Arrays.asList(1), List.of(0),
 *         null, null, null);
 * }
 */
public final class Vmap {
    private Vmap() {}

    /**
     * The out axes of a call, known once the function has run: one per output, and how errors name
     * each ({@code ""} for a single output, {@code "[1]"}, {@code "['loss']"}).
     *
     * @param axes one out axis per output (null: unbatched)
     * @param paths one key path per output
     */
    public record OutAxes(List<Integer> axes, List<String> paths) {
        public OutAxes {
            axes = java.util.Collections.unmodifiableList(new ArrayList<>(axes));
            paths = List.copyOf(paths);
        }
    }

    /**
     * Maps {@code f} over the batch axes of {@code args}.
     *
     * @param f the per-example function
     * @param args the batched (and unbatched) arguments
     * @param inAxes one entry per argument: its batch axis (negative counts from the end), or null for unbatched
     * @param outAxes one entry per output (null for unbatched), or a single entry for all outputs
     * @param axisSize the batch size, required when no argument is batched (may be null otherwise)
     * @param axisName the axis name for collectives, or null
     * @param argPaths how errors name each argument ({@code "argument x"}, {@code "args[1][0]"}), or null for {@code args[i]}
     * @throws IllegalArgumentException with JAX's message on out-of-range axes or inconsistent sizes
     */
    public static List<Array> call(Function<List<Array>, List<? extends Array>> f, List<Array> args,
            List<Integer> inAxes, List<Integer> outAxes, Integer axisSize, String axisName, List<String> argPaths) {
        return call(f, args, inAxes, n -> {
            if (outAxes.size() != 1 && outAxes.size() != n) {
                throw new IllegalArgumentException("vmap out_axes specification must be a tree prefix of the corresponding"
                        + " value; got " + outAxes.size() + " out_axes for " + n + " outputs");
            }
            List<Integer> axes = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                axes.add(outAxes.get(outAxes.size() == 1 ? 0 : k));
                paths.add(outAxes.size() == 1 ? "" : "[" + k + "]");
            }
            return new OutAxes(axes, paths);
        }, axisSize, axisName, argPaths);
    }

    /**
     * {@link #call(Function, List, List, List, Integer, String, List)} with out axes computed from the
     * number of outputs once {@code f} has run (for pytree outputs, whose structure is known only then).
     */
    public static List<Array> call(Function<List<Array>, List<? extends Array>> f, List<Array> args,
            List<Integer> inAxes, java.util.function.IntFunction<OutAxes> outAxes, Integer axisSize, String axisName,
            List<String> argPaths) {
        if (inAxes.size() != args.size()) {
            throw new IllegalArgumentException("vmap in_axes has " + inAxes.size() + " entries for " + args.size() + " arguments");
        }
        int[] dims = canonicalInAxes(args, inAxes);
        int size = mappedAxisSize(args, dims, axisSize, argPaths);
        BatchInterpreter interp = new BatchInterpreter(Trace.current(), size, axisName);
        List<Array> in = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) in.add(interp.tracer(args.get(i), dims[i]));
        List<? extends Array> outs = Trace.under(interp, () -> f.apply(List.copyOf(in)));
        OutAxes spec = outAxes.apply(outs.size());
        List<Array> result = new ArrayList<>(outs.size());
        for (int k = 0; k < outs.size(); k++) {
            Batched b = interp.unwrap(outs.get(k));
            result.add(matchAxis(b.values().getFirst(), b.dims().get(0), spec.axes().get(k), size, axisName,
                    spec.paths().get(k)));
        }
        return result;
    }

    private static int[] canonicalInAxes(List<Array> args, List<Integer> inAxes) {
        int[] dims = new int[args.size()];
        for (int i = 0; i < args.size(); i++) {
            Integer a = inAxes.get(i);
            if (a == null) {
                dims[i] = NOT_MAPPED;
                continue;
            }
            int r = args.get(i).ndim();
            if (a >= r || a < -r) {
                int minRank = a >= 0 ? a + 1 : -a;
                throw new IllegalArgumentException("vmap was requested to map its argument along axis " + a + ", which"
                        + " implies that its rank should be at least " + minRank + ", but is only " + r
                        + " (its shape is " + args.get(i).type().shape() + ")");
            }
            dims[i] = a < 0 ? a + r : a;
        }
        return dims;
    }

    /** JAX's {@code _mapped_axis_size}: the one size of all batch axes, or its "inconsistent sizes" error. */
    private static int mappedAxisSize(List<Array> args, int[] dims, Integer axisSize, List<String> argPaths) {
        if (args.isEmpty()) {
            if (axisSize != null) return axisSize;
            throw new IllegalArgumentException("vmap wrapped function must be passed at least one argument containing an"
                    + " array or axis_size must be specified, got empty *args=() and **kwargs={}");
        }
        Map<Integer, List<Integer>> bySize = new LinkedHashMap<>(); // size -> argument indices, in order of appearance
        for (int i = 0; i < args.size(); i++) {
            if (dims[i] != NOT_MAPPED) bySize.computeIfAbsent(args.get(i).shape()[dims[i]], s -> new ArrayList<>()).add(i);
        }
        if (axisSize != null && (bySize.isEmpty() || (bySize.size() == 1 && bySize.containsKey(axisSize)))) return axisSize;
        if (bySize.size() == 1 && axisSize == null) return bySize.keySet().iterator().next();
        if (bySize.isEmpty()) {
            throw new IllegalArgumentException("vmap must have at least one non-None value in in_axes or axis_size must be"
                    + " specified");
        }
        throw new IllegalArgumentException(inconsistentSizes(args, dims, axisSize, argPaths, bySize));
    }

    private static String inconsistentSizes(List<Array> args, int[] dims, Integer axisSize, List<String> argPaths,
            Map<Integer, List<Integer>> bySize) {
        StringBuilder msg = new StringBuilder("vmap got inconsistent sizes for array axes to be mapped:\n");
        if (axisSize != null) msg.append("  * the `axis_size` argument was ").append(axisSize).append(";\n");
        List<Map.Entry<Integer, List<Integer>>> counts = new ArrayList<>(bySize.entrySet());
        counts.sort((a, b) -> b.getValue().size() - a.getValue().size()); // stable: ties keep first appearance
        for (int k = 0; k < counts.size(); k++) {
            int sz = counts.get(k).getKey();
            int ct = counts.get(k).getValue().size();
            int i = counts.get(k).getValue().getFirst();
            String ex = "axis " + dims[i] + " of " + (argPaths == null ? "args[" + i + "]" : argPaths.get(i)) + " of type "
                    + args.get(i).type().toLongString().replace("~", "");
            if (ct == 1) msg.append("  * one axis had size ").append(sz).append(": ").append(ex).append(";\n");
            else msg.append("  * ").append(k == 0 ? "most" : "some").append(" axes (").append(ct).append(" of them) had size ")
                    .append(sz).append(", e.g. ").append(ex).append(";\n");
        }
        return msg.substring(0, msg.length() - 2);
    }

    /** JAX's {@code matchaxis}: moves, broadcasts or rejects an output's batch axis for its out axis. */
    private static Array matchAxis(Array x, int src, Integer dst, int size, String axisName, String path) {
        if (dst == null) {
            if (src == NOT_MAPPED) return x;
            if (axisName != null) {
                throw new IllegalArgumentException("vmap has mapped output (axis_name=" + axisName + ") but out_axes is None");
            }
            throw new IllegalArgumentException("at vmap out_axes" + path + ", got axis spec None but output was batched on axis " + src);
        }
        int rank = x.ndim() + (src == NOT_MAPPED ? 1 : 0);
        if (dst < -rank || dst >= rank) {
            throw new IllegalArgumentException("axis " + dst + " is out of bounds for array of dimension " + rank);
        }
        int to = dst < 0 ? dst + rank : dst;
        return src == NOT_MAPPED ? Batchable.broadcastAxis(x, size, to) : Batchable.moveAxis(x, src, to);
    }
}
