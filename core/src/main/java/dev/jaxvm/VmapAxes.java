package dev.jaxvm;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vmap}'s {@code inAxes} and {@code outAxes} specifications: validation with JAX's messages,
 * and broadcasting a specification, a tree prefix of the value, to one axis per leaf (JAX's
 * {@code flatten_axes}). Specifications are {@code Integer}s and {@code null}s in containers
 * mirroring the pytree: lists or arrays (tuples), {@code int[]}, maps, records, optionals.
 */
final class VmapAxes {
    private VmapAxes() {}

    /**
     * Checks {@code inAxes} as {@code jax.vmap} does when it is called: an int, null, or a tuple
     * (a {@link List} or array) of per-argument entries, whose leaves are ints or null.
     *
     * @throws IllegalArgumentException with JAX's TypeError text otherwise
     */
    static void checkIn(Object inAxes) {
        boolean tuple = inAxes instanceof List<?> || inAxes instanceof Object[] || inAxes instanceof int[];
        if (!(inAxes == null || inAxes instanceof Integer || tuple)) {
            throw new IllegalArgumentException("vmap in_axes must be an int, None, or a tuple of entries corresponding"
                    + " to the positional arguments passed to the function, but got " + show(inAxes) + ".");
        }
        checkLeaves("in_axes", inAxes, inAxes);
    }

    /** Checks that the leaves of {@code outAxes} are ints or null. */
    static void checkOut(Object outAxes) { checkLeaves("out_axes", outAxes, outAxes); }

    private static void checkLeaves(String what, Object spec, Object whole) {
        for (Object child : children(spec)) checkLeaves(what, child, whole);
        if (!isContainer(spec) && spec != null && !(spec instanceof Integer)) {
            throw new IllegalArgumentException("vmap " + what + " must be an int, None, or (nested) container with those"
                    + " types as leaves, but got " + show(whole) + ".");
        }
    }

    /**
     * One axis per leaf of {@code value} (flattened as {@link dev.jaxvm.tree.Tree} does), from the
     * prefix {@code spec}.
     *
     * @throws IllegalArgumentException if {@code spec} is not a tree prefix of {@code value}
     */
    static List<Integer> broadcast(String what, Object spec, Object value) {
        List<Integer> out = new ArrayList<>();
        broadcast(what, spec, value, "", out);
        return out;
    }

    private static void broadcast(String what, Object spec, Object value, String path, List<Integer> out) {
        if (!isContainer(spec)) {
            Integer axis = (Integer) spec;
            for (int i = leafCount(value); i > 0; i--) out.add(axis);
            return;
        }
        List<Object> specs = children(spec);
        List<Object> values = children(value);
        if (!sameKind(spec, value) || specs.size() != values.size()) {
            throw new IllegalArgumentException("vmap " + what + " specification must be a tree prefix of the corresponding"
                    + " value; at key path vmap " + what + path + " the prefix has a subtree " + show(spec)
                    + " but the full pytree has " + (isContainer(value) ? "a subtree of type " : "a leaf of type ")
                    + (value == null ? "None" : value.getClass().getSimpleName()) + ".");
        }
        List<String> keys = keys(value, "");
        for (int i = 0; i < specs.size(); i++) broadcast(what, specs.get(i), values.get(i), path + keys.get(i), out);
    }

    /** The key paths of the leaves of {@code value}, in flattening order ({@code [0]}, {@code ['k']}, {@code .w}). */
    static List<String> leafPaths(Object value, String prefix) {
        List<String> out = new ArrayList<>();
        if (!isContainer(value)) {
            if (value != null) out.add(prefix);
            return out;
        }
        List<Object> cs = children(value);
        List<String> keys = keys(value, prefix);
        for (int i = 0; i < cs.size(); i++) out.addAll(leafPaths(cs.get(i), keys.get(i)));
        return out;
    }

    private static int leafCount(Object value) {
        if (value == null) return 0;
        if (!isContainer(value)) return 1;
        int n = 0;
        for (Object c : children(value)) n += leafCount(c);
        return n;
    }

    private static boolean isContainer(Object o) {
        return o instanceof List<?> || o instanceof Object[] || o instanceof int[] || o instanceof Map<?, ?>
                || o instanceof Record || o instanceof Optional<?>;
    }

    private static boolean sameKind(Object spec, Object value) {
        boolean seqSpec = spec instanceof List<?> || spec instanceof Object[] || spec instanceof int[];
        boolean seqValue = value instanceof List<?> || value instanceof Object[];
        if (seqSpec && value instanceof Record) return true; // a list spec lists a record's components in order
        if (seqSpec || seqValue) return seqSpec && seqValue;
        if (spec instanceof Map<?, ?> a) return value instanceof Map<?, ?> b && a.keySet().equals(b.keySet());
        if (spec instanceof Record) return value != null && spec.getClass() == value.getClass();
        return spec instanceof Optional<?> && value instanceof Optional<?>;
    }

    /** The children of a container in flattening order (maps by sorted key, as the pytree flattening). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> children(Object o) {
        return switch (o) {
            case List<?> l -> new ArrayList<>(l);
            case Object[] a -> Arrays.asList(a);
            case int[] a -> new ArrayList<>(Arrays.stream(a).boxed().toList());
            case Map<?, ?> m -> sortedKeys(m).stream().map(k -> (Object) m.get(k)).toList();
            case Record r -> {
                List<Object> cs = new ArrayList<>();
                for (RecordComponent c : r.getClass().getRecordComponents()) cs.add(read(r, c));
                yield cs;
            }
            case Optional<?> opt -> Arrays.asList(opt.orElse(null));
            case null, default -> List.of();
        };
    }

    private static List<String> keys(Object o, String prefix) {
        List<String> out = new ArrayList<>();
        switch (o) {
            case Map<?, ?> m -> {
                for (Object k : sortedKeys(m)) out.add(prefix + "[" + dev.jaxvm.core.Py.repr(k) + "]");
            }
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) out.add(prefix + "." + c.getName());
            }
            case Optional<?> opt -> out.add(prefix);
            default -> {
                int n = children(o).size();
                for (int i = 0; i < n; i++) out.add(prefix + "[" + i + "]");
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sortedKeys(Map<?, ?> m) {
        List<Object> keys = new ArrayList<>(m.keySet());
        keys.sort((a, b) -> ((Comparable) a).compareTo(b));
        return keys;
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            var m = c.getAccessor();
            if (!m.canAccess(r)) m.setAccessible(true);
            return m.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read component " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    /** Python-like text of a spec: tuples for Java lists and arrays, None for null, False for false. */
    static String show(Object o) {
        return switch (o) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case int[] a -> dev.jaxvm.core.Py.tuple(a);
            case Object[] a -> show(Arrays.asList(a));
            case List<?> l -> {
                List<String> parts = l.stream().map(VmapAxes::show).toList();
                yield "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
            }
            case Map<?, ?> m -> {
                List<String> parts = new ArrayList<>();
                m.forEach((k, v) -> parts.add(dev.jaxvm.core.Py.repr(k) + ": " + show(v)));
                yield "{" + String.join(", ", parts) + "}";
            }
            default -> o.toString();
        };
    }
}
