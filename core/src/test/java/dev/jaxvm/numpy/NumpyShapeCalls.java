package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import java.util.List;

/** Maps the function names of tools/gen_numpy_shape_cases.py to jaxvm calls. */
final class NumpyShapeCalls {
    private NumpyShapeCalls() {}

    static Object call(String fn, List<Object> a) {
        return switch (fn) {
            case "ravel" -> Jnp.ravel(a.get(0));
            case "swapaxes" -> Jnp.swapaxes(a.get(0), i(a, 1), i(a, 2));
            case "moveaxis" -> Jnp.moveaxis(a.get(0), i(a, 1), i(a, 2));
            case "moveaxis_multi" -> Jnp.moveaxis(a.get(0), ints(a.get(1)), ints(a.get(2)));
            case "transpose" -> Jnp.transpose(a.get(0), ints(a.get(1)));
            case "flip" -> Jnp.flip(a.get(0), ints(a.get(1)));
            case "roll" -> Jnp.roll(a.get(0), ints(a.get(1)), a.get(2) == null ? null : ints(a.get(2)));
            case "tile" -> Jnp.tile(a.get(0), ints(a.get(1)));
            case "repeat" -> Jnp.repeat(a.get(0), i(a, 1), (Integer) a.get(2));
            case "repeat_array" -> Jnp.repeat(a.get(0), ints(a.get(1)), (Integer) a.get(2));
            case "split" -> Jnp.split(a.get(0), i(a, 1), i(a, 2));
            case "split_indices" -> Jnp.split(a.get(0), ints(a.get(1)), i(a, 2));
            case "pad" -> Jnp.pad(a.get(0), pairs(a.get(1)), (String) a.get(2));
            case "pad_value" -> Jnp.pad(a.get(0), pairs(a.get(1)), "constant", a.get(2));
            case "concatenate" -> Jnp.concatenate(list(a.get(0)), (Integer) a.get(1));
            case "stack" -> Jnp.stack(list(a.get(0)), i(a, 1));
            case "hstack" -> Jnp.hstack(list(a.get(0)));
            case "vstack" -> Jnp.vstack(list(a.get(0)));
            case "expand_dims" -> Jnp.expandDims(a.get(0), ints(a.get(1)));
            case "squeeze" -> Jnp.squeeze(a.get(0), ints(a.get(1)));
            case "broadcast_to" -> Jnp.broadcastTo(a.get(0), ints(a.get(1)));
            case "broadcast_arrays" -> Jnp.broadcastArrays(a.toArray());
            case "reshape" -> Jnp.reshape(a.get(0), ints(a.get(1)));
            case "get" -> ((Array) a.get(0)).get((String) a.get(1));
            case "at_get" -> ((Array) a.get(0)).at(a.get(1)).get((String) a.get(2), a.get(3));
            case "at" -> update(((Array) a.get(0)).at((String) a.get(1)), (String) a.get(2), a.get(3), null);
            case "at_mode" -> update(((Array) a.get(0)).at((String) a.get(1)), (String) a.get(2), a.get(3), (String) a.get(4));
            case "dot" -> Jnp.dot(a.get(0), a.get(1));
            case "matmul" -> Jnp.matmul(a.get(0), a.get(1));
            case "tensordot" -> Jnp.tensordot(a.get(0), a.get(1), i(a, 2));
            case "tensordot_axes" -> Jnp.tensordot(a.get(0), a.get(1), ints(a.get(2)), ints(a.get(3)));
            case "einsum" -> Jnp.einsum((String) a.get(0), a.subList(1, a.size()).toArray());
            case "outer" -> Jnp.outer(a.get(0), a.get(1));
            case "inner" -> Jnp.inner(a.get(0), a.get(1));
            case "vdot" -> Jnp.vdot(a.get(0), a.get(1));
            case "trace" -> Jnp.trace(a.get(0), i(a, 1), i(a, 2), i(a, 3));
            case "sort" -> Jnp.sort(a.get(0), (Integer) a.get(1), (Boolean) a.get(2));
            case "argsort" -> Jnp.argsort(a.get(0), (Integer) a.get(1), (Boolean) a.get(2), (Boolean) a.get(3));
            case "unique" -> Jnp.unique(a.get(0));
            case "nonzero" -> Jnp.nonzero(a.get(0));
            case "searchsorted" -> Jnp.searchsorted(a.get(0), a.get(1), (String) a.get(2));
            default -> throw new AssertionError("unknown function in cases.json: " + fn);
        };
    }

    private static Array update(Indexing.Ref ref, String op, Object v, String mode) {
        if (mode != null) {
            return switch (op) {
                case "set" -> ref.set(v, mode);
                case "add" -> ref.add(v, mode);
                default -> throw new AssertionError("mode only for set/add: " + op);
            };
        }
        return switch (op) {
            case "set" -> ref.set(v);
            case "add" -> ref.add(v);
            case "subtract" -> ref.subtract(v);
            case "multiply" -> ref.multiply(v);
            case "divide" -> ref.divide(v);
            case "power" -> ref.power(v);
            case "min" -> ref.min(v);
            case "max" -> ref.max(v);
            default -> throw new AssertionError("unknown at[] op " + op);
        };
    }

    private static int i(List<Object> a, int k) { return (Integer) a.get(k); }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) { return (List<Object>) o; }

    private static int[] ints(Object o) { return list(o).stream().mapToInt(x -> (Integer) x).toArray(); }

    private static int[][] pairs(Object o) {
        List<Object> l = list(o);
        int[][] out = new int[l.size()][];
        for (int k = 0; k < out.length; k++) out[k] = ints(l.get(k));
        return out;
    }
}
