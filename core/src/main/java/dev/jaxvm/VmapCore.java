package dev.jaxvm;

import dev.jaxvm.numpy.Jnp;
import dev.jaxvm.transform.Vmap;
import dev.jaxvm.tree.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vmap} of a function of pytrees, behind every {@code Jax.vmap} overload: flattens the
 * arguments, broadcasts {@code inAxes} over them, maps the array leaves with the batching interpreter
 * and broadcasts {@code outAxes} over the result, with JAX's checks and messages.
 *
 * @param body the per-example function of positional pytree arguments
 * @param inAxes an int, null, or a tuple (list or array) with one tree-prefix entry per argument
 * @param outAxes a tree prefix of the result
 * @param axisSize the batch size when no argument is batched, or null
 * @param axisName the name collectives use for the batch axis, or null
 */
record VmapCore(FnN body, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
    /** Validates the axis specifications eagerly, as {@code jax.vmap} does. */
    VmapCore {
        if (inAxes instanceof List<?> l) inAxes = new ArrayList<>(l); // a list is a tuple (JAX canonicalises)
        VmapAxes.checkIn(inAxes);
        VmapAxes.checkOut(outAxes);
    }

    /** Calls the vectorised function. */
    Object call(Object... args) {
        List<Object> argList = Arrays.asList(args.clone());
        Object spec = inAxes;
        boolean tuple = spec instanceof List<?> || spec instanceof Object[] || spec instanceof int[];
        if (tuple) {
            int n = spec instanceof int[] a ? a.length : spec instanceof Object[] a ? a.length : ((List<?>) spec).size();
            if (n != args.length) {
                throw new IllegalArgumentException("vmap in_axes must be an int, None, or a tuple of entries corresponding"
                        + " to the positional arguments passed to the function, but got len(in_axes)=" + n
                        + ", len(args)=" + args.length);
            }
        }
        Tree.Flat flat = Tree.flatten(argList);
        List<Object> leaves = flat.leaves();
        if (leaves.isEmpty() && axisSize == null) {
            List<String> shown = argList.stream().map(VmapAxes::show).toList();
            throw new IllegalArgumentException("vmap wrapped function must be passed at least one argument containing an"
                    + " array or axis_size must be specified, got empty *args=(" + String.join(", ", shown)
                    + (shown.size() == 1 ? ",)" : ")") + " and **kwargs={}");
        }
        List<Integer> axes = VmapAxes.broadcast("in_axes", tuple ? spec : broadcastAll(spec, args.length), argList);
        List<String> paths = VmapAxes.leafPaths(argList, "args");
        List<Array> arrays = new ArrayList<>();
        List<Integer> arrayAxes = new ArrayList<>();
        List<String> arrayPaths = new ArrayList<>();
        int[] slot = new int[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            Object leaf = leaves.get(i);
            Integer axis = axes.get(i);
            if (!(leaf instanceof Array) && (axis == null || !isScalar(leaf))) {
                if (axis != null) {
                    throw new IllegalArgumentException("Argument '" + leaf + "' of type " + leaf.getClass().getName()
                            + " is not a valid JAX type");
                }
                slot[i] = -1; // passed through untouched
                continue;
            }
            slot[i] = arrays.size();
            arrays.add(leaf instanceof Array a ? a : Jnp.asarray(leaf));
            arrayAxes.add(axis);
            arrayPaths.add(paths.get(i));
        }
        Object[] outTree = new Object[1];
        List<Array> outs = Vmap.call(xs -> {
            List<Object> in = new ArrayList<>(leaves.size());
            for (int i = 0; i < leaves.size(); i++) in.add(slot[i] < 0 ? leaves.get(i) : xs.get(slot[i]));
            List<Object> rebuilt = Tree.unflatten(flat.treeDef(), in);
            Object result = body.apply(rebuilt.toArray());
            outTree[0] = result;
            return outputLeaves(result);
        }, arrays, arrayAxes, n -> outAxesFor(outTree[0]), axisSize, axisName, arrayPaths);
        return Tree.unflatten(Tree.structure(outTree[0]), outs);
    }

    private Vmap.OutAxes outAxesFor(Object result) {
        return new Vmap.OutAxes(VmapAxes.broadcast("out_axes", outAxes, result), VmapAxes.leafPaths(result, ""));
    }

    private static List<Array> outputLeaves(Object result) {
        List<Array> out = new ArrayList<>();
        for (Object leaf : Tree.leaves(result)) {
            if (leaf instanceof Array a) out.add(a);
            else if (isScalar(leaf)) out.add(Jnp.asarray(leaf));
            else throw new IllegalArgumentException("Output from batched function " + leaf + " with type "
                    + leaf.getClass().getName() + " is not a valid JAX type");
        }
        return out;
    }

    /** Java values that become arrays: scalars (weakly typed) and primitive arrays such as {@code float[]}. */
    private static boolean isScalar(Object o) {
        return o instanceof Number || o instanceof Boolean || (o != null && o.getClass().isArray()
                && o.getClass().getComponentType().isPrimitive());
    }

    private static List<Object> broadcastAll(Object spec, int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(spec);
        return out;
    }
}
